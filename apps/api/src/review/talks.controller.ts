import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, UseInterceptors, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { TALK_STATUSES, TALK_TARGETS, TALK_TEXT_LIMITS, type Actor, type TalkCommand } from '@duban/domain';
import { TalkService } from '@duban/services';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/permission.guard';
import { IdempotencyInterceptor, idempotencyKey } from '../common/idempotency.interceptor';
import { IsCalendarDate, PageQueryDto } from '../common/query-dto';
import { dtoValidation } from '../common/validation';
import { ApiAnswer, object, pageOf, uuid } from '../common/openapi-responses';

const text = { type: 'string' } as const;
const nullableText = { type: 'string', nullable: true } as const;
const nullableInstant = { type: 'string', format: 'date-time', nullable: true } as const;
const label = (of: string) => ({ type: 'string', description: `${of} 的中文名称` }) as const;

/** A 约谈 record: codes with their Chinese labels, the course's facts, and the steps the reader may take now. */
const TALK = object(
  {
    id: uuid,
    planId: uuid,
    assignmentId: { ...uuid, nullable: true },
    unitId: { ...uuid, nullable: true },
    unitName: text,
    taskNumber: { type: 'integer', nullable: true },
    taskTitle: nullableText,
    source: { type: 'string', enum: ['ladder', 'bulletin', 'assessment', 'manual'] },
    sourceLabel: label('source'),
    status: { type: 'string', enum: [...TALK_STATUSES] },
    statusLabel: label('status'),
    reason: text,
    talkTarget: { type: 'string', enum: [...TALK_TARGETS], nullable: true },
    talkTargetLabel: nullableText,
    scheduledAt: nullableInstant,
    place: nullableText,
    attendees: nullableText,
    minutes: nullableText,
    demands: nullableText,
    rectifyBy: { type: 'string', format: 'date', nullable: true },
    heldAt: nullableInstant,
    rectification: nullableText,
    rectificationReportedAt: nullableInstant,
    verifiedAt: nullableInstant,
    escalatedAt: nullableInstant,
    escalatedReason: nullableText,
    createdBy: nullableText,
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    version: { type: 'integer' },
    actions: { type: 'array', items: object({ action: text, label: label('action') }) },
  },
  ['id', 'planId', 'unitName', 'source', 'status', 'statusLabel', 'reason', 'version', 'actions'],
);

const IDEMPOTENCY_DOC = { name: 'Idempotency-Key', required: false, description: 'A retried request with the same key acts once and gets the first answer again' };
const VERSION_DOC = { description: '读取时的 version；记录已被他人更新时 409 talk_version_stale（不填则以服务端读取的版本为准）' };

export class TalkQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'planId 须为 UUID' })
  planId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId 须为 UUID' })
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'assignmentId 须为 UUID' })
  assignmentId?: string;

  @ApiPropertyOptional({ enum: TALK_STATUSES })
  @IsOptional()
  @IsIn(TALK_STATUSES, { message: `status 只能是 ${TALK_STATUSES.join('、')}` })
  status?: string;
}

/** Optimistic concurrency: the version the caller saw. */
class VersionedDto {
  @ApiPropertyOptional(VERSION_DOC)
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version 须为整数' })
  @Min(1, { message: 'version 须为正整数' })
  version?: number;
}

export class OpenTalkDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'assignmentId 须为 UUID' })
  assignmentId!: string;

  @ApiProperty({ maxLength: TALK_TEXT_LIMITS.reason })
  @IsString({ message: '约谈事由须为文本' })
  @Length(1, TALK_TEXT_LIMITS.reason, { message: `约谈事由须为1至${TALK_TEXT_LIMITS.reason}字` })
  reason!: string;

  @ApiPropertyOptional({ description: '任务未逾期且未升级到约谈级别时，确需约谈的理由（否则 409 talk_not_due）；任务已结束时不需要' })
  @IsOptional()
  @IsString({ message: 'overrideReason 须为文本' })
  @Length(1, TALK_TEXT_LIMITS.reason, { message: `overrideReason 须为1至${TALK_TEXT_LIMITS.reason}字` })
  overrideReason?: string;
}

export class ScheduleTalkDto extends VersionedDto {
  @ApiProperty({ example: '2026-07-03T09:30:00+08:00', description: '约谈时间（带时区的 ISO 8601）' })
  @IsString({ message: 'at 须为时间文本' })
  @IsISO8601({ strict: true }, { message: 'at 须为 ISO 8601 时间（如 2026-07-03T09:30:00+08:00）' })
  at!: string;

  @ApiProperty({ maxLength: TALK_TEXT_LIMITS.place })
  @IsString({ message: '约谈地点须为文本' })
  @Length(1, TALK_TEXT_LIMITS.place, { message: `约谈地点须为1至${TALK_TEXT_LIMITS.place}字` })
  place!: string;

  @ApiProperty({ maxLength: TALK_TEXT_LIMITS.attendees, description: '约谈人与参加人员（姓名、职务）' })
  @IsString({ message: '参加人员须为文本' })
  @Length(1, TALK_TEXT_LIMITS.attendees, { message: `参加人员须为1至${TALK_TEXT_LIMITS.attendees}字` })
  attendees!: string;

  @ApiProperty({ enum: TALK_TARGETS, description: 'principal 单位主要负责人；deputy 分管负责人' })
  @IsIn(TALK_TARGETS, { message: '约谈对象只能是 principal（单位主要负责人）或 deputy（分管负责人）' })
  talkTarget!: string;
}

export class HoldTalkDto extends VersionedDto {
  @ApiProperty({ maxLength: TALK_TEXT_LIMITS.minutes })
  @IsString({ message: '约谈记录须为文本' })
  @Length(1, TALK_TEXT_LIMITS.minutes, { message: `约谈记录须为1至${TALK_TEXT_LIMITS.minutes}字` })
  minutes!: string;

  @ApiProperty({ maxLength: TALK_TEXT_LIMITS.demands })
  @IsString({ message: '整改要求须为文本' })
  @Length(1, TALK_TEXT_LIMITS.demands, { message: `整改要求须为1至${TALK_TEXT_LIMITS.demands}字` })
  demands!: string;

  @ApiProperty({ format: 'date', example: '2026-07-31', description: '整改期限，晚于约谈日期' })
  @IsString({ message: 'rectifyBy 须为日期（YYYY-MM-DD）' })
  @IsCalendarDate({ message: 'rectifyBy 须为日期（YYYY-MM-DD）' })
  rectifyBy!: string;

  @ApiPropertyOptional({ description: '约谈实际举行时间（补录时填写；默认现在）' })
  @IsOptional()
  @IsString({ message: 'heldAt 须为时间文本' })
  @IsISO8601({ strict: true }, { message: 'heldAt 须为 ISO 8601 时间' })
  heldAt?: string;
}

export class RectificationDto extends VersionedDto {
  @ApiProperty({ maxLength: TALK_TEXT_LIMITS.rectification })
  @IsString({ message: '整改情况须为文本' })
  @Length(1, TALK_TEXT_LIMITS.rectification, { message: `整改情况须为1至${TALK_TEXT_LIMITS.rectification}字` })
  text!: string;
}

export class VerifyTalkDto extends VersionedDto {}

export class EscalateTalkDto extends VersionedDto {
  @ApiProperty({ maxLength: TALK_TEXT_LIMITS.escalatedReason })
  @IsString({ message: '升级理由须为文本' })
  @Length(1, TALK_TEXT_LIMITS.escalatedReason, { message: `升级理由须为1至${TALK_TEXT_LIMITS.escalatedReason}字` })
  reason!: string;
}

/**
 * 约谈 records and their course. Supervisors, coordinators and administrators read every talk, a unit's staff
 * their own units' (another unit's talk is 404); coordinators open, schedule, hold, verify and escalate; a unit's
 * staff (and coordinators) report the rectification. A step the status does not allow is 409
 * talk_transition_not_allowed; a step on a record changed meanwhile 409 talk_version_stale; a refused value 422.
 */
@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1/talks')
@UsePipes(dtoValidation())
@UseInterceptors(IdempotencyInterceptor)
export class TalksController {
  constructor(private readonly talks: TalkService) {}

  @Get()
  @RequirePermission('readTalks')
  @ApiAnswer(pageOf(TALK), 'a page of 约谈 records, latest change first')
  @ApiOperation({ summary: '约谈 records by plan, unit, assignment, status (a unit’s staff: their own units’)' })
  list(@Query() query: TalkQueryDto, @CurrentActor() actor: Actor) {
    return this.talks.list(query, actor);
  }

  @Get(':id')
  @RequirePermission('readTalks')
  @ApiAnswer(TALK, 'one 约谈 record')
  @ApiOperation({ summary: 'One 约谈 record with the steps the reader may take now' })
  get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.talks.get(id, actor);
  }

  @Post()
  @RequirePermission('runReview')
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader(IDEMPOTENCY_DOC)
  @ApiAnswer(TALK, 'the 约谈 record (a waiting proposal for the assignment is taken over)', HttpStatus.CREATED)
  @ApiOperation({ summary: 'Open a 约谈 on an assignment (also after it closed; while live, the 约谈 policy applies and the workflow records it)' })
  open(@Body() body: OpenTalkDto, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    return this.talks.open(body, actor, idempotencyKey(request));
  }

  @Post(':id/schedule')
  @RequirePermission('runReview')
  @HttpCode(HttpStatus.OK)
  @ApiAnswer(TALK, 'the scheduled 约谈 (the unit is notified once)')
  @ApiOperation({ summary: 'Schedule (or reschedule) the 约谈: time, place, attendees, whom (principal or deputy)' })
  schedule(@Param('id') id: string, @Body() body: ScheduleTalkDto, @CurrentActor() actor: Actor) {
    return this.step(id, { action: 'schedule', at: body.at, place: body.place, attendees: body.attendees, talkTarget: body.talkTarget }, actor, body.version);
  }

  @Post(':id/hold')
  @RequirePermission('runReview')
  @HttpCode(HttpStatus.OK)
  @ApiAnswer(TALK, 'the held 约谈')
  @ApiOperation({ summary: 'Record the 约谈 held: minutes, rectification demands and deadline' })
  hold(@Param('id') id: string, @Body() body: HoldTalkDto, @CurrentActor() actor: Actor) {
    return this.step(id, { action: 'hold', minutes: body.minutes, demands: body.demands, rectifyBy: body.rectifyBy, ...(body.heldAt ? { heldAt: body.heldAt } : {}) }, actor, body.version);
  }

  @Post(':id/rectification')
  @RequirePermission('reportTalkRectification')
  @HttpCode(HttpStatus.OK)
  @ApiAnswer(TALK, 'the 约谈 with its rectification reported')
  @ApiOperation({ summary: 'Report the rectification (the unit’s staff for their own unit, or a coordinator)' })
  rectification(@Param('id') id: string, @Body() body: RectificationDto, @CurrentActor() actor: Actor) {
    return this.step(id, { action: 'reportRectification', text: body.text }, actor, body.version);
  }

  @Post(':id/verify')
  @RequirePermission('runReview')
  @HttpCode(HttpStatus.OK)
  @ApiAnswer(TALK, 'the verified 约谈')
  @ApiOperation({ summary: 'Verify the rectification: the 约谈’s course ends' })
  verify(@Param('id') id: string, @Body() body: VerifyTalkDto, @CurrentActor() actor: Actor) {
    return this.step(id, { action: 'verify' }, actor, body?.version);
  }

  @Post(':id/escalate')
  @RequirePermission('runReview')
  @HttpCode(HttpStatus.OK)
  @ApiAnswer(TALK, 'the escalated 约谈')
  @ApiOperation({ summary: 'Escalate: rectification missing, late or inadequate' })
  escalate(@Param('id') id: string, @Body() body: EscalateTalkDto, @CurrentActor() actor: Actor) {
    return this.step(id, { action: 'escalate', reason: body.reason }, actor, body.version);
  }

  private step(id: string, command: TalkCommand, actor: Actor, version?: number) {
    return this.talks.step(id, command, actor, version);
  }
}
