import { ASSIGNMENT_STATUSES, LIGHT_COLORS, type Actor } from '@duban/domain';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res, StreamableFile, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ExportJobService } from '@duban/services';
import { CurrentActor } from '../auth/current-actor.decorator';
import { dtoValidation } from '../common/validation';
import { ApiAnswer, ApiFile, EXPORT_JOB } from '../common/openapi-responses';

export class StartExportDto {
  @ApiProperty({ enum: ['ledger'], description: 'ledger：任务台账（.xlsx）' })
  @IsIn(['ledger'], { message: 'kind 只能是 ledger（任务台账）' })
  kind!: 'ledger';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'planId 须为 UUID' })
  planId?: string;

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
  @IsIn(LIGHT_COLORS, { message: 'light 只能是 red、yellow、green、neutral' })
  light?: string;
}

/**
 * Large exports as jobs: POST answers 202 with the job, the worker writes the .xlsx to the object storage, GET gives the
 * status and, once done, the download. Anyone signed in may export what they may read; only they fetch it.
 */
@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1/exports')
@UsePipes(dtoValidation())
export class ExportJobsController {
  constructor(private readonly exports: ExportJobService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAnswer(EXPORT_JOB, 'the export job, queued (poll GET /exports/{id})', HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Start an export job (the 台账 of the filtered assignments, any size); 202 + the job' })
  start(@Body() body: StartExportDto, @CurrentActor() actor: Actor) {
    const { kind: _kind, ...filter } = body;
    return this.exports.startLedger(filter, actor);
  }

  @Get(':id')
  @ApiAnswer(EXPORT_JOB, 'the export job: status, rows and the download path once done')
  @ApiOperation({ summary: 'An export job’s status (the requester’s own; 404 otherwise)' })
  get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.exports.get(id, actor);
  }

  @Get(':id/download')
  @ApiFile('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'the exported file (409 while it runs)')
  @ApiOperation({ summary: 'Download a finished export (streamed from the object storage)' })
  async download(@Param('id') id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response) {
    const file = await this.exports.download(id, actor);
    response.attachment(file.fileName);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Length', String(file.size));
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.body);
  }
}
