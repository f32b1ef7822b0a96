import { Controller, Get, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import type { Actor } from '@duban/domain';
import { StatisticsService } from '@duban/services';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/permission.guard';
import { dtoValidation } from '../common/validation';
import { ApiAnswer, STATISTICS_OVERVIEW, STATISTICS_TREND } from '../common/openapi-responses';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class StatisticsOverviewQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: '只统计该计划；不填则统计全部已发布计划' })
  @IsOptional()
  @IsUUID('all', { message: 'planId 须为 UUID' })
  planId?: string;

  @ApiPropertyOptional({ format: 'date', description: '统计日期（默认今天，北京时间）' })
  @IsOptional()
  @Matches(DATE, { message: 'asOf 须为 YYYY-MM-DD 格式的日期' })
  asOf?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, description: '最滞后单位列出几个（默认10）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit 须为整数' })
  @Min(1, { message: 'limit 不能小于1' })
  @Max(100, { message: 'limit 不能大于100' })
  limit?: number;
}

export class StatisticsTrendQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'planId 须为 UUID' })
  planId?: string;

  @ApiPropertyOptional({ format: 'date', description: '开始日期（默认结束日期前29天）' })
  @IsOptional()
  @Matches(DATE, { message: 'from 须为 YYYY-MM-DD 格式的日期' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: '结束日期（默认今天）' })
  @IsOptional()
  @Matches(DATE, { message: 'to 须为 YYYY-MM-DD 格式的日期' })
  to?: string;
}

/** The 驾驶舱's statistics (readReview: supervisors, coordinators, administrators). */
@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1/statistics')
@UsePipes(dtoValidation())
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('overview')
  @ApiAnswer(STATISTICS_OVERVIEW, 'counts by light, 序时进度 class and status, per unit and region, and the most lagging units')
  @RequirePermission('readReview')
  @ApiOperation({ summary: 'Counts at a date (default today) over one plan or every published plan' })
  overview(@Query() query: StatisticsOverviewQueryDto, @CurrentActor() actor: Actor) {
    return this.statistics.overview(query, actor);
  }

  @Get('overdue-trend')
  @ApiAnswer(STATISTICS_TREND, 'the overdue trend, one point per day (null where nothing was recorded)')
  @RequirePermission('readReview')
  @ApiOperation({ summary: 'Overdue, lagging and red counts per day from the daily record (default: the last 30 days)' })
  trend(@Query() query: StatisticsTrendQueryDto, @CurrentActor() actor: Actor) {
    return this.statistics.trend(query, actor);
  }
}
