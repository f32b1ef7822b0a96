import { Body, Controller, Get, HttpStatus, Param, Patch, Post, UseFilters, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import { UsersService } from '@duban/accounts';
import { OrganisationService } from '@duban/services';
import { AccountErrorFilter } from './account-error.filter';
import { CurrentActor } from './current-actor.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { RequirePermission } from './permission.guard';
import { ApiAnswer, USER } from '../common/openapi-responses';
import { strictValidation } from './strict-validation.pipe';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
@RequirePermission('manageUsers')
@UseFilters(AccountErrorFilter)
@UsePipes(strictValidation())
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly organisation: OrganisationService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List users (admin)' })
  @ApiAnswer({ type: 'array', items: USER }, 'every user')
  list() {
    return this.users.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a user (admin; unitIds: directory unit ids or unique names, an unknown unit is a 400)' })
  @ApiAnswer(USER, 'the created user', HttpStatus.CREATED)
  async create(@Body() body: CreateUserDto) {
    // A unit scope names directory units: ids, or names that identify one unit; anything else is a 400.
    return this.users.create({ ...body, unitIds: await this.organisation.unitIdsOf(body.unitIds) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user (admin)' })
  @ApiAnswer(USER, 'one user')
  get(@Param('id') id: string) {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change role, units, display name, disabled flag, or reset the password (admin)' })
  @ApiAnswer(USER, 'the updated user')
  async update(@Param('id') id: string, @Body() body: UpdateUserDto, @CurrentActor() actor: Actor) {
    return this.users.update(id, body.unitIds === undefined ? body : { ...body, unitIds: await this.organisation.unitIdsOf(body.unitIds) }, actor);
  }
}
