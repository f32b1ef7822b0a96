/// <reference types="multer" />
import { BadRequestException, Body, Controller, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Patch, Post, Query, UploadedFile, UseInterceptors, UsePipes } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import { AssignmentService, PlanService } from '@duban/services';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/permission.guard';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { dtoValidation } from '../common/validation';
import { EditTaskDto, PlanQueryDto, PreviewQueryDto, PublishDto, WithdrawPlanDto } from './dto/plan.dto';
import { ApiAnswer, PLAN_PREVIEW, PLAN_SUMMARY, PLAN_TASK, freeObject, object, pageOf, uuid } from '../common/openapi-responses';

/** Largest plan document accepted (Word files with images can be large; text plans are ~50 KB). */
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const taskNumber = () => new ParseIntPipe({ exceptionFactory: () => new BadRequestException('task number must be a whole number') });

const IDEMPOTENCY_DOC = { name: 'Idempotency-Key', required: false, description: 'A retried request with the same key acts once and gets the first answer again (24 h)' };

/**
 * Plans: every signed-in user reads them; administrators import, publish and
 * withdraw (the domain's authorizePlanAction); coordinators and administrators
 * review drafts (preview, edit tasks).
 */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('api/v1/plans')
@UseInterceptors(IdempotencyInterceptor)
@UsePipes(dtoValidation())
export class PlansController {
  constructor(
    private readonly plans: PlanService,
    private readonly assignments: AssignmentService,
  ) {}

  @Post()
  @RequirePermission('importPlan')
  @ApiHeader(IDEMPOTENCY_DOC)
  @ApiOperation({ summary: 'Upload a plan document (.txt, .md, .docx): parsed and stored as a draft (admin; the same bytes again return the same plan)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 0 } }))
  @ApiAnswer(object({ planId: uuid, created: { type: 'boolean' }, plan: PLAN_SUMMARY }), 'the stored draft (created: false when the same document was imported before)', HttpStatus.CREATED)
  async upload(@UploadedFile() file: Express.Multer.File | undefined) {
    if (!file) throw new BadRequestException('attach the plan document as the multipart field "file"');
    return this.plans.importDocument(file.buffer, Buffer.from(file.originalname, 'latin1').toString('utf8'));
  }

  @Get()
  @ApiOperation({ summary: 'List plans: filters, pagination ({items, total, limit, offset})' })
  @ApiAnswer(pageOf(PLAN_SUMMARY), 'a page of plans')
  list(@Query() query: PlanQueryDto) {
    const { limit, offset, ...filter } = query;
    return this.plans.listPage(filter, { limit, offset });
  }

  @Get(':planId')
  @ApiOperation({ summary: 'A plan summary' })
  @ApiAnswer(PLAN_SUMMARY, 'a plan summary')
  get(@Param('planId') planId: string) {
    return this.plans.get(planId);
  }

  @Get(':planId/document')
  @ApiOperation({ summary: 'The parsed plan (Plan JSON) as stored in the draft' })
  @ApiAnswer(freeObject('the parsed plan (Plan JSON)'), 'the parsed plan')
  document(@Param('planId') planId: string) {
    return this.plans.document(planId);
  }

  @Get(':planId/preview')
  @RequirePermission('previewPlan')
  @ApiOperation({ summary: 'What publishing would create: assignment count, proposed units to confirm, tasks without a due date, warnings (coordinator, admin)' })
  @ApiAnswer(PLAN_PREVIEW, 'what publishing would create')
  preview(@Param('planId') planId: string, @Query() query: PreviewQueryDto) {
    return this.plans.preview(planId, query.defaultDueDate);
  }

  @Get(':planId/tasks')
  @ApiOperation({ summary: "The plan's tasks (units, lead units, deadlines)" })
  @ApiAnswer({ type: 'array', items: PLAN_TASK }, "the plan's tasks")
  tasks(@Param('planId') planId: string) {
    return this.plans.tasks(planId);
  }

  @Get(':planId/tasks/:number')
  @ApiOperation({ summary: 'One task with its full text' })
  @ApiAnswer(PLAN_TASK, 'one task with its full text')
  task(@Param('planId') planId: string, @Param('number', taskNumber()) number: number) {
    return this.plans.task(planId, number);
  }

  @Patch(':planId/tasks/:number')
  @RequirePermission('editPlanDraft')
  @ApiHeader(IDEMPOTENCY_DOC)
  @ApiOperation({ summary: "Edit a draft task's units, lead units or deadlines (coordinator, admin; 409 once published)" })
  @ApiAnswer(PLAN_TASK, 'the edited task')
  editTask(@Param('planId') planId: string, @Param('number', taskNumber()) number: number, @Body() body: EditTaskDto) {
    return this.plans.editTask(planId, number, body);
  }

  @Post(':planId/publish')
  @RequirePermission('publishPlan')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiHeader(IDEMPOTENCY_DOC)
  @ApiOperation({ summary: 'Publish a draft: one assignment workflow per task × unit (× region), started in the background (admin; idempotent)' })
  @ApiAnswer(object({ workflowId: { type: 'string' }, preview: PLAN_PREVIEW }, ['workflowId', 'preview']), 'publishing started', HttpStatus.ACCEPTED)
  publish(@Param('planId') planId: string, @Body() body: PublishDto, @CurrentActor() actor: Actor) {
    return this.plans.publish(planId, actor, {
      ...(body.confirmProposals !== undefined ? { confirmProposals: body.confirmProposals } : {}),
      ...(body.defaultDueDate !== undefined ? { defaultDueDate: body.defaultDueDate } : {}),
      ...(body.acceptPlanEndDefault !== undefined ? { acceptPlanEndDefault: body.acceptPlanEndDefault } : {}),
      wait: false,
    });
  }

  @Post(':planId/withdraw')
  @RequirePermission('publishPlan')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_DOC)
  @ApiOperation({ summary: "Withdraw a plan and each of its open assignments (admin; a retry resumes and acts on nothing twice)" })
  @ApiAnswer(object({ planId: uuid, withdrawn: { type: 'integer' }, alreadyFinished: { type: 'integer' }, failed: { type: 'array', items: object({ id: uuid, reason: { type: 'string' } }) } }, ['withdrawn', 'alreadyFinished', 'failed']), 'the plan withdrawn with its open assignments')
  withdraw(@Param('planId') planId: string, @Body() body: WithdrawPlanDto, @CurrentActor() actor: Actor) {
    return this.plans.withdraw(planId, actor, body.reason, (assignmentId, requestId) => this.assignments.act(assignmentId, { type: 'withdraw', reason: body.reason }, actor, requestId));
  }
}
