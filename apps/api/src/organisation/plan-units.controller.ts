import { Body, Controller, Get, Param, Patch, Post, UsePipes, HttpStatus } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import { PlanService, PlanUnitsService } from '@duban/services';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/permission.guard';
import { dtoValidation } from '../common/validation';
import { PlanJurisdictionDto, UnitMappingDto } from './organisation.dto';
import { ApiAnswer, freeObject, pageOf } from '../common/openapi-responses';

/** A draft's units: its jurisdiction, each printed name's resolution, a coordinator's mappings. */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('api/v1/plans/:planId')
@UsePipes(dtoValidation())
export class PlanUnitsController {
  constructor(
    private readonly planUnits: PlanUnitsService,
    private readonly plans: PlanService,
  ) {}

  @Patch()
  @ApiAnswer(freeObject('the plan summary with its confirmed jurisdiction'), 'the updated plan')
  @RequirePermission('editPlanDraft')
  @ApiOperation({ summary: 'Confirm the draft’s jurisdiction (coordinator, admin)' })
  async setJurisdiction(@Param('planId') planId: string, @Body() body: PlanJurisdictionDto, @CurrentActor() actor: Actor) {
    await this.planUnits.setJurisdiction(planId, actor, body.jurisdictionId);
    return this.plans.get(planId);
  }

  @Get('unit-resolutions')
  @ApiAnswer(pageOf(freeObject('a printed name: printedName, status, statusLabel, unitId, unitName, expandsTo, suggestions, taskNumbers')), 'how each printed name resolves')
  @ApiOperation({ summary: 'Each printed unit name: resolved / suggested / unknown / collective, with suggestions and tasks; paginated shape' })
  async resolutions(@Param('planId') planId: string) {
    const items = await this.planUnits.resolutions(planId);
    return { items, total: items.length, limit: items.length, offset: 0 };
  }

  @Post('unit-mappings')
  @ApiAnswer(freeObject('the updated resolution of the printed name'), 'the mapping, learned as an alias', HttpStatus.CREATED)
  @RequirePermission('editPlanDraft')
  @ApiOperation({ summary: 'Map a printed name to a unit or a new unit; the alias is learned for the jurisdiction (coordinator, admin)' })
  map(@Param('planId') planId: string, @Body() body: UnitMappingDto, @CurrentActor() actor: Actor) {
    return this.planUnits.map(planId, actor, body.newUnit ? { printedName: body.printedName, newUnit: body.newUnit } : { printedName: body.printedName, unitId: body.unitId ?? '' });
  }
}
