import { Injectable, UnsupportedMediaTypeException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { Request } from 'express';

const JSON_TYPE = 'application/json';
const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Strict content types: a request that carries a body must send it as the route
 * consumes it — JSON unless the route declares otherwise with @ApiConsumes (the
 * plan upload: multipart/form-data), so the OpenAPI document and the check agree.
 * Anything else (XML, a form, no Content-Type) answers 415 before the route runs.
 */
@Injectable()
export class ContentTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (METHODS_WITHOUT_BODY.has(request.method) || !hasBody(request)) return true;
    const consumes = this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [context.getHandler(), context.getClass()]) ?? [JSON_TYPE];
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (consumes.includes(type)) return true;
    const expected = consumes.join(' 或 ');
    throw new UnsupportedMediaTypeException(type ? `不支持的请求格式 ${type}：请以 ${expected} 发送` : `请求缺少 Content-Type：请以 ${expected} 发送`);
  }
}

/** A body is present when it has a length or is chunked (as body-parser decides). */
function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}
