import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ServiceError } from '@duban/services';
import { sanitizeInput } from './input-sanitizer';

/**
 * Global pipe, first of every route's pipes: bodies, query strings and path
 * parameters go through sanitizeInput before any DTO sees them. A refusal answers
 * 400 in the one error shape, every problem in `details.fields`.
 */
@Injectable()
export class SanitizingPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (value === undefined || (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param')) return value;
    const { value: clean, problems } = sanitizeInput(value, metadata.data ?? '');
    if (problems.length === 0) return clean;
    // A Map, then own properties: a field named "__proto__" is reported, never assigned to a prototype.
    const fields = new Map<string, string[]>();
    for (const problem of problems) fields.set(problem.field, [...(fields.get(problem.field) ?? []), problem.message]);
    throw new ServiceError('invalid_input', problems.map((problem) => problem.message).join('；'), { fields: Object.fromEntries(fields) });
  }
}
