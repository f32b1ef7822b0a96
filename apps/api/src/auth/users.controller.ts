import { Body, Controller, Get, Param, Patch, Post, UseFilters, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import { UsersService } from '@duban/accounts';
import { AccountErrorFilter } from './account-error.filter';
import { CurrentActor } from './current-actor.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { RequirePermission } from './permission.guard';
import { strictValidation } from './strict-validation.pipe';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
@RequirePermission('manageUsers')
@UseFilters(AccountErrorFilter)
@UsePipes(strictValidation())
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List users (admin)' })
  list() {
    return this.users.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a user (admin)' })
  create(@Body() body: CreateUserDto) {
    return this.users.create(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user (admin)' })
  get(@Param('id') id: string) {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change role, units, display name, disabled flag, or reset the password (admin)' })
  update(@Param('id') id: string, @Body() body: UpdateUserDto, @CurrentActor() actor: Actor) {
    return this.users.update(id, body, actor);
  }
}
