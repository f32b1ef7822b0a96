import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { finalize, type Observable } from 'rxjs';
import { evidenceTooLargeMessage } from '@duban/domain';
import { EvidenceService, ServiceError } from '@duban/services';
import type { AuthenticatedRequest } from '../auth/authenticated-request';

/** Room for the multipart envelope around the file (boundaries, part headers, a long file name). */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * Receives one multipart `file` for an evidence upload: who may upload is checked before
 * the body is read (403/404 cost the sender nothing); a declared length over the cap is
 * refused at once (413); the file streams to a temporary file that multer stops at the cap
 * (413), so nothing is held in memory; the temporary file is removed when the request ends.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly receive: RequestHandler;

  constructor(private readonly evidence: EvidenceService) {
    this.receive = multer({
      storage: multer.diskStorage({ destination: tmpdir(), filename: (_request, _file, done) => done(null, `duban-evidence-${randomUUID()}.upload`) }),
      // One more byte than the cap: a file of exactly the cap is accepted, one byte more is not.
      limits: { fileSize: evidence.maxBytes + 1, files: 1, fields: 10, parts: 12, fieldSize: 64 * 1024, headerPairs: 100 },
      // Browsers send UTF-8 file names (报告.pdf), not latin1.
      defParamCharset: 'utf8',
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const actor = request.auth?.actor;
    if (!actor) throw new ServiceError('forbidden', '请先登录');
    await this.evidence.assertCanUpload(String(request.params.assignmentId), actor);
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > this.evidence.maxBytes + ENVELOPE_BYTES) throw tooLarge(this.evidence.maxBytes);
    try {
      await new Promise<void>((resolve, reject) => this.receive(request, response, (error: unknown) => (error ? reject(error) : resolve())));
    } catch (error) {
      await removeUpload(request);
      throw uploadError(error, this.evidence.maxBytes);
    }
    return next.handle().pipe(finalize(() => void removeUpload(request)));
  }
}

function removeUpload(request: Request): Promise<void> {
  const path = request.file?.path;
  return path ? rm(path, { force: true }).catch(() => undefined) : Promise.resolve();
}

function tooLarge(maxBytes: number): ServiceError {
  return new ServiceError('payload_too_large', evidenceTooLargeMessage(maxBytes), { reason: 'evidence_too_large', maxBytes });
}

/** Multer's and busboy's errors as Chinese answers: too large 413, anything else about the form 400. */
function uploadError(error: unknown, maxBytes: number): unknown {
  if (error instanceof ServiceError) return error;
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') return tooLarge(maxBytes);
    if (error.code === 'LIMIT_UNEXPECTED_FILE' || error.code === 'LIMIT_FILE_COUNT') {
      return new ServiceError('invalid_input', '请以 multipart 字段 file 上传一个文件', { reason: 'evidence_field' });
    }
    return new ServiceError('invalid_input', `上传的表单无效（${error.code}）`, { reason: 'evidence_form' });
  }
  if (error instanceof Error && /multipart|boundary|unexpected end of form|malformed/i.test(error.message)) {
    return new ServiceError('invalid_input', '上传的表单无效或不完整，请重新上传', { reason: 'evidence_form' });
  }
  return error;
}
