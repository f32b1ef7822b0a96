import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MAX_OFFSET } from '../common/query-dto';
import { AUDITED_METHODS, type AuditedMethod } from './audited-methods';

/** Filters of GET /api/v1/audit-log; every one optional, combined with AND. */
export class AuditLogQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'username must be a string' })
  @Length(1, 64, { message: 'username must be 1–64 characters' })
  username?: string;

  @ApiPropertyOptional({ enum: AUDITED_METHODS })
  @IsOptional()
  @IsIn(AUDITED_METHODS, { message: `method must be one of ${AUDITED_METHODS.join(', ')}` })
  method?: AuditedMethod;

  @ApiPropertyOptional({ example: '/api/v1/users' })
  @IsOptional()
  @IsString({ message: 'pathPrefix must be a string' })
  @Length(1, 200, { message: 'pathPrefix must be 1–200 characters' })
  pathPrefix?: string;

  @ApiPropertyOptional({ example: 401 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'status must be an HTTP status code' })
  @Min(100, { message: 'status must be an HTTP status code' })
  @Max(599, { message: 'status must be an HTTP status code' })
  status?: number;

  @ApiPropertyOptional({ description: 'ISO 8601 time, inclusive', example: '2026-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 time' })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 time, exclusive' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 time' })
  to?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be between 1 and 200' })
  @Max(200, { message: 'limit must be between 1 and 200' })
  limit?: number;

  @ApiPropertyOptional({ default: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must not be negative' })
  @Max(MAX_OFFSET, { message: `offset must be at most ${MAX_OFFSET}` })
  offset?: number;
}
