import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ServiceError } from '@duban/services';

/**
 * DTO validation for the resource controllers: unknown fields are refused, query
 * strings converted to the DTO's types, and a failure answers 400 in the one error
 * shape with field-level messages in `details.fields` (e.g. `deadlines.0.due`).
 */
export function dtoValidation(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) => {
      const fields: Record<string, string[]> = {};
      collect(errors, '', fields);
      const messages = Object.values(fields).flat();
      return new ServiceError('invalid_input', messages.length ? messages.join('; ') : 'the request is not valid', { fields });
    },
  });
}

function collect(errors: readonly ValidationError[], prefix: string, into: Record<string, string[]>): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      into[path] = Object.values(error.constraints).map((message) => (message.includes('should not exist') ? `unknown field "${path}"` : message));
    }
    if (error.children?.length) collect(error.children, path, into);
  }
}
