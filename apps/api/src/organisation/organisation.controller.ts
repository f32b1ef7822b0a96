import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import { OrganisationService } from '@duban/services';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/permission.guard';
import { dtoValidation } from '../common/validation';
import { AliasDto, JurisdictionQueryDto, NewUnitDto, UnitChangesDto, UnitListQueryDto } from './organisation.dto';
import { ApiAnswer, freeObject, pageOf } from '../common/openapi-responses';

/** The organisation directory: jurisdictions and units (everyone reads; coordinators and admins maintain). */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller('api/v1')
@UsePipes(dtoValidation())
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Get('jurisdictions')
  @ApiAnswer(pageOf(freeObject('a jurisdiction: id, code (行政区划代码), name, level, parentId')), 'a page of jurisdictions')
  @ApiOperation({ summary: 'Jurisdictions (province, city, district, county) with 行政区划 codes; paginated' })
  async jurisdictions(@Query() query: JurisdictionQueryDto) {
    return page(await this.organisation.jurisdictions({ ...(query.level ? { level: query.level } : {}), ...(query.parentId ? { parentId: query.parentId } : {}) }), query);
  }

  @Get('units')
  @ApiAnswer(pageOf(freeObject('a directory unit: id, name, shortName, kind, kindLabel, jurisdictionId, jurisdictionName, aliases, parentId, validFrom, validTo, successorId')), 'a page of units')
  @ApiOperation({ summary: 'Units of the directory: filter by jurisdiction (with its districts), text (any alias) and kind; paginated' })
  async units(@Query() query: UnitListQueryDto) {
    const { limit: _limit, offset: _offset, ...filter } = query;
    return page(await this.organisation.units(filter), query);
  }

  @Get('units/:unitId')
  @ApiAnswer(freeObject('a directory unit: id, name, shortName, kind, kindLabel, jurisdictionId, jurisdictionName, aliases, parentId, validFrom, validTo, successorId'), 'one unit')
  @ApiOperation({ summary: 'One unit with its aliases' })
  unit(@Param('unitId') unitId: string) {
    return this.organisation.unit(unitId);
  }

  @Post('units')
  @ApiAnswer(freeObject('a directory unit: id, name, shortName, kind, kindLabel, jurisdictionId, jurisdictionName, aliases, parentId, validFrom, validTo, successorId'), 'the created unit', HttpStatus.CREATED)
  @RequirePermission('manageUnits')
  @ApiOperation({ summary: 'Create a unit (coordinator, admin)' })
  create(@Body() body: NewUnitDto, @CurrentActor() actor: Actor) {
    return this.organisation.createUnit(actor, body);
  }

  @Patch('units/:unitId')
  @ApiAnswer(freeObject('a directory unit: id, name, shortName, kind, kindLabel, jurisdictionId, jurisdictionName, aliases, parentId, validFrom, validTo, successorId'), 'the updated unit')
  @RequirePermission('manageUnits')
  @ApiOperation({ summary: 'Edit a unit: names, kind, validity, successor (coordinator, admin)' })
  update(@Param('unitId') unitId: string, @Body() body: UnitChangesDto, @CurrentActor() actor: Actor) {
    return this.organisation.updateUnit(actor, unitId, body);
  }

  @Post('units/:unitId/aliases')
  @ApiAnswer(freeObject('a directory unit: id, name, shortName, kind, kindLabel, jurisdictionId, jurisdictionName, aliases, parentId, validFrom, validTo, successorId'), 'the unit with its new alias', HttpStatus.CREATED)
  @RequirePermission('manageUnits')
  @ApiOperation({ summary: 'Add an alias in the unit’s jurisdiction (coordinator, admin)' })
  async addAlias(@Param('unitId') unitId: string, @Body() body: AliasDto, @CurrentActor() actor: Actor) {
    await this.organisation.addAlias(actor, unitId, body.alias);
    return this.organisation.unit(unitId);
  }

  @Delete('units/:unitId/aliases/:alias')
  @ApiAnswer(freeObject('a directory unit: id, name, shortName, kind, kindLabel, jurisdictionId, jurisdictionName, aliases, parentId, validFrom, validTo, successorId'), 'the unit without the alias')
  @RequirePermission('manageUnits')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Remove an alias (coordinator, admin)' })
  async removeAlias(@Param('unitId') unitId: string, @Param('alias') alias: string, @CurrentActor() actor: Actor) {
    await this.organisation.removeAlias(actor, unitId, alias);
    return this.organisation.unit(unitId);
  }
}

function page<T>(all: readonly T[], query: { limit?: number; offset?: number }) {
  const limit = query.limit ?? 200;
  const offset = query.offset ?? 0;
  return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
}
