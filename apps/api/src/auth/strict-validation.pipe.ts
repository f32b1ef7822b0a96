import { ValidationPipe } from '@nestjs/common';

/** DTO validation for this module's routes: unknown fields are refused, query strings converted to the DTO's types. */
export function strictValidation(): ValidationPipe {
  return new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, validationError: { target: false, value: false } });
}
