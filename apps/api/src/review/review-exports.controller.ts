import { ASSIGNMENT_STATUSES } from '@duban/domain';
import { Controller, Get, Param, Query, Res, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { Actor } from '@duban/domain';
import { ReviewExportService } from '@duban/services';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/permission.guard';
import { dtoValidation } from '../common/validation';
import { ApiFile } from '../common/openapi-responses';
import { IsCalendarDate, QueryBoolean } from '../common/query-dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The ledger list's filters (GET /assignments), so the console exports exactly what it shows. */
export class LedgerExportQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'planId 须为 UUID' })
  planId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'taskNumber 须为整数' })
  @Min(1, { message: 'taskNumber 须在1至100000之间' })
  @Max(100_000, { message: 'taskNumber 须在1至100000之间' })
  taskNumber?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'a directory unit: its assignments only' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId 须为单位编号（uuid）' })
  unitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'unit 须为文本' })
  @Length(1, 200, { message: 'unit 须为1至200字' })
  unit?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'region 须为文本' })
  @Length(1, 100, { message: 'region 须为1至100字' })
  region?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES, { message: 'status 不是有效的状态' })
  status?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(['red', 'yellow', 'green', 'neutral'], { message: 'light 只能是 red、yellow、green、neutral' })
  light?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'past due and still owed' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'overdue 只能是 true 或 false' })
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'due on or after' })
  @IsOptional()
  @IsCalendarDate({ message: 'dueFrom 须为日期（YYYY-MM-DD）' })
  dueFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'due on or before' })
  @IsOptional()
  @IsCalendarDate({ message: 'dueTo 须为日期（YYYY-MM-DD）' })
  dueTo?: string;

  @ApiPropertyOptional({ description: 'matches task title or unit name' })
  @IsOptional()
  @IsString({ message: 'text 须为文本' })
  @Length(1, 200, { message: 'text 须为1至200字' })
  text?: string;
}

function attachment(response: Response, contentType: string, fileName: string): void {
  response.setHeader('Content-Type', contentType);
  response.setHeader('Content-Disposition', `attachment; filename="export"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
}

/** .xlsx and .docx exports, streamed to the response. */
@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1')
@UsePipes(dtoValidation())
export class ReviewExportsController {
  constructor(private readonly exports: ReviewExportService) {}

  @Get('assignments/export.xlsx')
  @ApiFile('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '台账 (.xlsx)')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: 'The 台账 of the filtered assignments as .xlsx (streamed; a unit’s staff get their own units’ rows)' })
  async ledger(@Query() query: LedgerExportQueryDto, @CurrentActor() actor: Actor, @Res() response: Response): Promise<void> {
    attachment(response, XLSX, '任务台账.xlsx');
    await this.exports.ledgerXlsx(query, actor, response);
  }

  @Get('bulletins/:id/export.xlsx')
  @ApiFile('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'the bulletin’s annex tables (.xlsx)')
  @RequirePermission('readReview')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: 'A bulletin’s annex table (its frozen snapshot) as .xlsx' })
  async bulletinXlsx(@Param('id') id: string, @CurrentActor() actor: Actor, @Res() response: Response): Promise<void> {
    const annex = await this.exports.bulletinXlsx(id, actor);
    attachment(response, XLSX, annex.fileName);
    await annex.write(response);
  }

  @Get('bulletins/:id/export.docx')
  @ApiFile('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'the bulletin text (.docx)')
  @RequirePermission('readReview')
  @ApiProduces(DOCX)
  @ApiOperation({ summary: 'The bulletin text as .docx' })
  async bulletinDocx(@Param('id') id: string, @CurrentActor() actor: Actor, @Res() response: Response): Promise<void> {
    const { fileName, bytes } = await this.exports.bulletinDocx(id, actor);
    attachment(response, DOCX, fileName);
    response.end(bytes);
  }

  @Get('assessments/:id/export.xlsx')
  @ApiFile(XLSX, 'the assessment table (.xlsx)')
  @RequirePermission('readReview')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: 'An assessment’s table (scores, grades, ranks, score details, sanctions) as .xlsx' })
  async assessmentXlsx(@Param('id') id: string, @CurrentActor() actor: Actor, @Res() response: Response): Promise<void> {
    const table = await this.exports.assessmentXlsx(id, actor);
    attachment(response, XLSX, table.fileName);
    await table.write(response);
  }
}
