import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, StoredReviewSettings } from '@duban/domain';
import { ReviewScheduleService } from '@duban/services';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/permission.guard';
import { ApiAnswer, freeObject } from '../common/openapi-responses';

/** A plan's review regime as data: periods (半年通报/年度考核 cut-offs), pace thresholds, rubric, catch-up window. */
@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1/plans/:planId/review-periods')
export class ReviewPeriodsController {
  constructor(private readonly schedules: ReviewScheduleService) {}

  @Get()
  @ApiAnswer(freeObject('review settings: periods, pace thresholds, rubric, publishRankings, catchupWindowDays'), 'the plan’s review settings')
  @RequirePermission('readReview')
  @ApiOperation({ summary: 'The plan’s review settings (stored values over the defaults)' })
  get(@Param('planId') planId: string, @CurrentActor() actor: Actor) {
    return this.schedules.settings(planId, actor);
  }

  @Put()
  @ApiAnswer(freeObject('review settings: periods, pace thresholds, rubric, publishRankings, catchupWindowDays'), 'the saved settings')
  @RequirePermission('runReview')
  @ApiBody({ schema: { type: 'object', description: '{ periods?: [{ kind, month, day }], pace?: {...}, rubric?: {...}, publishRankings?, catchupWindowDays? }' } })
  @ApiOperation({ summary: 'Replace the plan’s review settings; every problem is named in Chinese (422); schedules follow' })
  put(@Param('planId') planId: string, @Body() body: StoredReviewSettings, @CurrentActor() actor: Actor) {
    return this.schedules.saveSettings(planId, body, actor);
  }
}
