import type { ValidationPipe } from '@nestjs/common';
import { dtoValidation } from '../common/validation';

/** DTO validation for this module's routes: the API's one validation (unknown fields refused, Chinese field messages). */
export function strictValidation(): ValidationPipe {
  return dtoValidation();
}
