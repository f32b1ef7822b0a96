import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { isValidBusinessDate } from '@duban/calendar';

/** Beyond any list Duban holds, and within PostgreSQL's integer range. */
export const MAX_OFFSET = 10_000_000;

/** limit/offset of every list endpoint; answers are {items, total, limit, offset}. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be between 1 and 500' })
  @Max(500, { message: 'limit must be between 1 and 500' })
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must not be negative' })
  @Max(MAX_OFFSET, { message: `offset must be at most ${MAX_OFFSET}` })
  offset?: number;
}

/** Lists that also page by keyset: `cursor` is the previous answer's nextCursor (offset is then ignored). */
export class KeysetPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "the previous page's nextCursor: the page after it, at the same cost however deep (offset is ignored)" })
  @IsOptional()
  @IsString({ message: 'cursor must be a string' })
  @Length(1, 1000, { message: 'cursor must be 1–1000 characters' })
  cursor?: string;
}

/** 'true' / 'false' query strings as booleans (anything else stays a string and fails @IsBoolean). */
export const QueryBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (2027-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isCalendarDate', validator: { validate: (value: unknown) => typeof value === 'string' && DATE_PATTERN.test(value) && isValidBusinessDate(value) } }, options);
}
