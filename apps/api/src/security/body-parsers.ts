import { BadRequestException, HttpException, HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import { json, type RequestHandler } from 'express';

/**
 * JSON bodies up to `limit` (the API takes JSON only: other types answer 415, see
 * ContentTypeGuard; uploads are parsed by their routes). Body-parser errors are turned into Nest
 * HttpExceptions here: Nest passes other errors from Express middleware to the
 * exception filter unmapped (a 413 would become a 500).
 */
export function bodyParsers(limit: string): RequestHandler[] {
  return [withHttpErrors(json({ limit }), limit)];
}

function withHttpErrors(parser: RequestHandler, limit: string): RequestHandler {
  return (request, response, next) => {
    parser(request, response, (error?: unknown) => next(error === undefined ? undefined : toHttpException(error, limit)));
  };
}

export function toHttpException(error: unknown, limit: string): unknown {
  const status = (error as { status?: unknown }).status;
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) return new PayloadTooLargeException(`提交的内容超过 ${limit} 上限（request body exceeds the ${limit} limit）`);
  if (status === HttpStatus.BAD_REQUEST) return new BadRequestException(error instanceof SyntaxError ? '请求内容不是有效的 JSON（request body is not valid JSON）' : '无法读取请求内容（request body could not be read）');
  if (typeof status === 'number' && status >= 400 && status < 500) return new HttpException((error as Error).message, status);
  return error;
}
