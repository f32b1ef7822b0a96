import { Controller, Get, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ESCALATION_RECORD_LEVELS, type Actor } from '@duban/domain';
import { EscalationService, readableUnits } from '@duban/services';
import { CurrentActor } from '../auth/current-actor.decorator';
import { PageQueryDto } from '../common/query-dto';
import { dtoValidation } from '../common/validation';
import { ApiAnswer, ESCALATION_ITEM, pageOf } from '../common/openapi-responses';

const LEVELS = ESCALATION_RECORD_LEVELS;

export class EscalationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'planId must be a UUID' })
  planId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'unit must be a string' })
  @Length(1, 200, { message: 'unit must be 1–200 characters' })
  unit?: string;

  @ApiPropertyOptional({ enum: LEVELS })
  @IsOptional()
  @IsIn(LEVELS, { message: `level must be one of ${LEVELS.join(', ')}` })
  level?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 date or time, inclusive', example: '2026-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or time' })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 date or time, exclusive' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or time' })
  to?: string;
}

/** Escalations (催办/督办/通报/约谈): across units for supervisors, coordinators and administrators; a unit's staff their own units'. */
@ApiTags('escalations')
@ApiBearerAuth()
@Controller('api/v1/escalations')
@UsePipes(dtoValidation())
export class EscalationsController {
  constructor(private readonly escalations: EscalationService) {}

  @Get()
  @ApiOperation({ summary: 'Escalations, newest first: filters plan, unit, level, time range; paginated' })
  @ApiAnswer(pageOf(ESCALATION_ITEM), 'a page of escalations, newest first')
  list(@Query() query: EscalationQueryDto, @CurrentActor() actor: Actor) {
    const { limit, offset, ...filter } = query;
    const units = readableUnits(actor);
    return this.escalations.list({ ...filter, ...(units ? { units } : {}) }, { limit, offset });
  }
}
