import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { Actor } from '@duban/domain';
import { AssessmentService } from '@duban/services';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/permission.guard';
import { dtoValidation } from '../common/validation';
import { ApiAnswer, freeObject, object, pageOf, uuid } from '../common/openapi-responses';
import { PageQueryDto } from '../common/query-dto';

const ASSESSMENT = freeObject('an assessment: id, planId, planTitle, year, asOf, status, statusLabel, publishRankings, rubric, lines [{ unitId, unitName, group, groupLabel, score, grade, gradeLabel, rank, items [{ code, reason, points, eventRef }] }], sanctions');
const SANCTION = freeObject('a sanction: id, unitId, unitName, kind, kindLabel, rule, status, statusLabel, reason, decidedBy, decidedAt');

export class RunAssessmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'planId 须为 UUID' })
  planId!: string;

  @ApiProperty({ example: 2026, description: '考核年度' })
  @IsInt({ message: 'year 须为整数年份' })
  @Min(2000, { message: 'year 不能早于2000年' })
  @Max(2100, { message: 'year 不能晚于2100年' })
  year!: number;
}

export class AssessmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'planId 须为 UUID' })
  planId?: string;
}

export class ConfirmSanctionDto {
  @ApiPropertyOptional({ description: '说明（可选）' })
  @IsOptional()
  @IsString({ message: 'reason 须为文本' })
  @Length(1, 500, { message: '说明须为1至500字' })
  reason?: string;
}

export class WaiveSanctionDto {
  @ApiProperty({ description: '免予处理的理由（必填）' })
  @IsString({ message: '免予处理须说明理由' })
  @Length(1, 500, { message: '理由须为1至500字' })
  reason!: string;
}

/** 年度考核: supervisors and coordinators read; coordinators run, decide sanctions and confirm. */
@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1/assessments')
@UsePipes(dtoValidation())
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentService) {}

  @Post()
  @ApiAnswer(object({ id: uuid }), 'the assessment is being computed', HttpStatus.ACCEPTED)
  @RequirePermission('runReview')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Run (or re-run, replacing an unconfirmed one) the annual assessment of a plan' })
  async run(@Body() body: RunAssessmentDto, @CurrentActor() actor: Actor) {
    const { id } = await this.assessments.run(body, actor);
    return { id };
  }

  @Get()
  @ApiAnswer(pageOf(ASSESSMENT), 'a page of assessments')
  @RequirePermission('readReview')
  @ApiOperation({ summary: 'Assessments of a plan, latest year first' })
  list(@Query() query: AssessmentQueryDto, @CurrentActor() actor: Actor) {
    return this.assessments.list(query, actor);
  }

  @Get(':id')
  @ApiAnswer(ASSESSMENT, 'one assessment')
  @RequirePermission('readReview')
  @ApiOperation({ summary: 'An assessment: lines (score, grade, rank, every score line with its event) and sanctions' })
  get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.assessments.get(id, actor);
  }

  @Post(':id/sanctions/:sanctionId/confirm')
  @ApiAnswer(SANCTION, 'the confirmed sanction (the unit is notified)')
  @RequirePermission('runReview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Confirm a proposed sanction: recorded, and the unit notified once' })
  confirmSanction(@Param('id') id: string, @Param('sanctionId') sanctionId: string, @Body() body: ConfirmSanctionDto, @CurrentActor() actor: Actor) {
    return this.assessments.decideSanction(id, sanctionId, 'confirm', body.reason, actor);
  }

  @Post(':id/sanctions/:sanctionId/waive')
  @ApiAnswer(SANCTION, 'the waived sanction (its reason kept)')
  @RequirePermission('runReview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Waive a proposed sanction; a reason is required and kept' })
  waiveSanction(@Param('id') id: string, @Param('sanctionId') sanctionId: string, @Body() body: WaiveSanctionDto, @CurrentActor() actor: Actor) {
    return this.assessments.decideSanction(id, sanctionId, 'waive', body.reason, actor);
  }

  @Post(':id/confirm')
  @ApiAnswer(ASSESSMENT, 'the confirmed assessment (frozen from now on)')
  @RequirePermission('runReview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Confirm the assessment once every sanction is decided; with published rankings each unit is told its result' })
  confirm(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.assessments.confirm(id, actor);
  }
}
