import { applyDecorators, Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, UseInterceptors, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, AssignmentCommand } from '@duban/domain';
import { AssignmentService, EvidenceService, readableUnits, TalkService } from '@duban/services';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { CurrentActor } from '../auth/current-actor.decorator';
import { IdempotencyInterceptor, idempotencyKey } from '../common/idempotency.interceptor';
import { dtoValidation } from '../common/validation';
import {
  AcceptDto,
  ApproveClosureDto,
  DecideExtensionDto,
  ReasonDto,
  ReassignDto,
  ReportProgressDto,
  RequestClosureDto,
  RequestExtensionDto,
  TalkDto,
  UrgeDto,
} from './dto/action.dto';
import { AssignmentQueryDto } from './dto/assignment-query.dto';
import { ApiAnswer, ASSIGNMENT_DETAIL, ASSIGNMENT_SUMMARY, ASSIGNMENT_VIEW, pageOf } from '../common/openapi-responses';

const IDEMPOTENCY_DOC = {
  name: 'Idempotency-Key',
  required: false,
  description: 'A retried request with the same key acts once (also the Temporal Update id) and gets the first answer again',
};

/**
 * One assignment action: POST …/actions/<name>, 200 with the new state, Idempotency-Key honoured and documented.
 * The interceptor sits on the actions, not the controller: on the reads it did nothing yet cost each request a
 * layer of Nest's interceptor chain (rxjs, an async-context bind), a tenth of a list request's CPU.
 */
function ActionRoute(name: string, summary: string) {
  return applyDecorators(
    Post(`:assignmentId/actions/${name}`),
    UseInterceptors(IdempotencyInterceptor),
    HttpCode(HttpStatus.OK),
    ApiHeader(IDEMPOTENCY_DOC),
    ApiOperation({ summary }),
    ApiAnswer(ASSIGNMENT_VIEW, 'the assignment as its workflow holds it after the action'),
  );
}

/**
 * Assignments (one task × unit × region). A unit's staff see and act on their own
 * units' assignments only: any other assignment answers 404 (its existence is not
 * revealed), on reads and actions alike. Which role may issue which action is the
 * domain's authorize() (403 otherwise); a state that does not allow the action is 409,
 * a bad value the workflow refuses is 422.
 */
@ApiTags('assignments')
@ApiBearerAuth()
@Controller('api/v1/assignments')
@UsePipes(dtoValidation())
export class AssignmentsController {
  constructor(
    private readonly assignments: AssignmentService,
    private readonly evidence: EvidenceService,
    private readonly talks: TalkService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List assignments: filters, sort, pagination ({items, total, limit, offset, nextCursor}; total stops at 1,000 with totalCapped: true); unit staff see their units only' })
  @ApiAnswer(pageOf(ASSIGNMENT_SUMMARY), 'a page of assignments, each with Chinese labels beside its codes')
  list(@Query() query: AssignmentQueryDto, @CurrentActor() actor: Actor) {
    const { limit, offset, sort, cursor, ...filter } = query;
    const units = readableUnits(actor);
    return this.assignments.list({ ...filter, ...(units ? { units } : {}) }, { limit, offset, sort, cursor });
  }

  @Get(':assignmentId')
  @ApiOperation({ summary: 'One assignment with its milestones, events, progress reports and escalations' })
  @ApiAnswer(ASSIGNMENT_DETAIL, 'one assignment with milestones, events, reports and escalations')
  get(@Param('assignmentId') assignmentId: string, @CurrentActor() actor: Actor) {
    return this.assignments.getFor(assignmentId, actor);
  }

  @ActionRoute('accept', '签收 accept (unit staff)')
  accept(@Param('assignmentId') id: string, @Body() _body: AcceptDto, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    return this.perform(id, { type: 'accept' }, actor, request);
  }

  @ActionRoute('report', '进展反馈 report progress (unit staff)')
  async report(@Param('assignmentId') id: string, @Body() body: ReportProgressDto, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    await this.assignments.assertVisible(id, actor);
    // Files must be this assignment's uploads and actuals its targets (422), checked before the workflow is asked.
    const evidence = body.evidence?.map((item) => (item.kind === 'file' ? { kind: 'file' as const, fileId: item.fileId ?? '' } : { kind: 'url' as const, url: item.url ?? '' }));
    const command = await this.evidence.reportCommand(id, actor, { ...body, text: body.text, evidence, actuals: body.actuals });
    return this.assignments.act(id, command, actor, idempotencyKey(request));
  }

  @ActionRoute('request-closure', '申请办结 request closure (unit staff)')
  requestClosure(@Param('assignmentId') id: string, @Body() body: RequestClosureDto, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    return this.perform(id, { type: 'requestClosure', ...body, summary: body.summary }, actor, request);
  }

  @ActionRoute('approve-closure', '审核办结 approve closure (coordinator, admin)')
  approveClosure(@Param('assignmentId') id: string, @Body() body: ApproveClosureDto, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    return this.perform(id, { type: 'approveClosure', ...body }, actor, request);
  }

  @ActionRoute('reject-closure', '退回 reject a closure request (coordinator, admin)')
  rejectClosure(@Param('assignmentId') id: string, @Body() body: ReasonDto, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    return this.perform(id, { type: 'rejectClosure', reason: body.reason }, actor, request);
  }

  @ActionRoute('request-extension', '申请延期 request an extension (unit staff)')
  requestExtension(@Param('assignmentId') id: string, @Body() body: RequestExtensionDto, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    return this.perform(id, { type: 'requestExtension', newDueDate: body.newDueDate, reason: body.reason }, actor, request);
  }

  @ActionRoute('decide-extension', '审批延期 approve or refuse an extension (coordinator, admin)')
  decideExtension(@Param('assignmentId') id: string, @Body() body: DecideExtensionDto, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    return this.perform(id, { type: 'decideExtension', ...body, approve: body.approve }, actor, request);
  }

  @ActionRoute('decline', '退办 decline the assignment (unit staff)')
  decline(@Param('assignmentId') id: string, @Body() body: ReasonDto, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    return this.perform(id, { type: 'decline', reason: body.reason }, actor, request);
  }

  @ActionRoute('reassign', '改派 reassign to another unit (coordinator, admin)')
  reassign(@Param('assignmentId') id: string, @Body() body: ReassignDto, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    return this.perform(id, { type: 'reassign', ...body, toUnit: body.toUnit }, actor, request);
  }

  @ActionRoute('withdraw', '撤销 withdraw the assignment (coordinator, admin)')
  withdraw(@Param('assignmentId') id: string, @Body() body: ReasonDto, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    return this.perform(id, { type: 'withdraw', reason: body.reason }, actor, request);
  }

  @ActionRoute('urge', '催办 / 督办 urge (supervisor)')
  urge(@Param('assignmentId') id: string, @Body() body: UrgeDto, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    return this.perform(id, { type: 'urge', ...body }, actor, request);
  }

  @ActionRoute('talk', '约谈 hold a talk with the unit (coordinator, admin)')
  talk(@Param('assignmentId') id: string, @Body() body: TalkDto, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    // Through the 约谈 records, so this 约谈 has its course (schedule, hold, rectification) like one opened under /talks.
    return this.talks.openOnAssignment({ assignmentId: id, reason: body.reason, ...(body.overrideReason !== undefined ? { overrideReason: body.overrideReason } : {}) }, actor, idempotencyKey(request));
  }

  /** Visibility first (404 for another unit's assignment), then the workflow's Update as the caller. */
  private async perform(assignmentId: string, command: AssignmentCommand, actor: Actor, request: AuthenticatedRequest) {
    await this.assignments.assertVisible(assignmentId, actor);
    return this.assignments.act(assignmentId, command, actor, idempotencyKey(request));
  }
}
