/// <reference types="multer" />
import { Controller, Get, HttpCode, HttpStatus, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@duban/domain';
import { EvidenceService, ServiceError } from '@duban/services';
import { CurrentActor } from '../auth/current-actor.decorator';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { ApiAnswer, ApiFile, object, uuid } from '../common/openapi-responses';

/**
 * 佐证材料 files: the holder unit's staff upload to their assignment (multipart `file`;
 * type by content, size capped), a report names them by id; whoever may read the
 * assignment may download them.
 */
@ApiTags('evidence')
@ApiBearerAuth()
@Controller('api/v1')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post('assignments/:assignmentId/evidence')
  @ApiAnswer(object({ id: uuid, fileName: { type: 'string' }, contentType: { type: 'string' }, size: { type: 'integer' }, sha256: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' } }), 'the stored file', HttpStatus.CREATED)
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Upload a 佐证材料 file (holder unit staff): PDF, PNG/JPEG/GIF/WebP, Word/Excel/PowerPoint by content; 413 over EVIDENCE_MAX_BYTES, 415 other types',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(EvidenceUploadInterceptor)
  upload(@Param('assignmentId') assignmentId: string, @UploadedFile() file: Express.Multer.File | undefined, @CurrentActor() actor: Actor) {
    if (!file) throw new ServiceError('invalid_input', '请以 multipart 字段 file 上传一个文件', { reason: 'evidence_field' });
    return this.evidence.store(assignmentId, actor, { path: file.path, originalName: file.originalname, size: file.size });
  }

  @Get('evidence/:fileId')
  @ApiFile('application/octet-stream', 'the file, as uploaded (its own content type)')
  @ApiOperation({ summary: 'Download a 佐证材料 file (read scope of its assignment), as an attachment with its Chinese name (RFC 5987)' })
  @ApiProduces('application/octet-stream')
  async download(@Param('fileId') fileId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response) {
    const { file, body } = await this.evidence.open(fileId, actor);
    // attachment(): filename="…" for old clients and filename*=UTF-8''… (RFC 5987) for the Chinese name.
    response.attachment(file.fileName);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Length', String(file.size));
    response.setHeader('X-Content-Sha256', file.sha256);
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(body);
  }
}
