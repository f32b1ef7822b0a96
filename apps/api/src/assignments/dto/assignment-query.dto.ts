import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { ASSIGNMENT_STATUSES } from '@duban/domain';
import { ASSIGNMENT_SORTS, type AssignmentSort } from '@duban/services';
import { IsCalendarDate, KeysetPageQueryDto, QueryBoolean } from '../../common/query-dto';

const LIGHTS = ['green', 'yellow', 'red', 'neutral'] as const;

/** Filters of GET /api/v1/assignments, combined with AND. */
export class AssignmentQueryDto extends KeysetPageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'planId must be a UUID' })
  planId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'taskNumber must be a whole number' })
  @Min(1, { message: 'taskNumber must be at least 1' })
  @Max(100_000, { message: 'taskNumber must be at most 100000' })
  taskNumber?: number;

  @ApiPropertyOptional({ example: '市卫健委' })
  @IsOptional()
  @IsString({ message: 'unit must be a string' })
  @Length(1, 200, { message: 'unit must be 1–200 characters' })
  unit?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a directory unit: its assignments only' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId 须为单位编号（uuid）' })
  unitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'region must be a string' })
  @Length(1, 200, { message: 'region must be 1–200 characters' })
  region?: string;

  @ApiPropertyOptional({ enum: ASSIGNMENT_STATUSES })
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES, { message: `status must be one of ${ASSIGNMENT_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ enum: LIGHTS })
  @IsOptional()
  @IsIn(LIGHTS, { message: `light must be one of ${LIGHTS.join(', ')}` })
  light?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'past due and still owed (pending acceptance or in progress)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'due on or after' })
  @IsOptional()
  @IsCalendarDate({ message: 'dueFrom must be a date (YYYY-MM-DD)' })
  dueFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'due on or before' })
  @IsOptional()
  @IsCalendarDate({ message: 'dueTo must be a date (YYYY-MM-DD)' })
  dueTo?: string;

  @ApiPropertyOptional({ description: 'matches task title or unit name' })
  @IsOptional()
  @IsString({ message: 'text must be a string' })
  @Length(1, 200, { message: 'text must be 1–200 characters' })
  text?: string;

  @ApiPropertyOptional({ enum: ASSIGNMENT_SORTS, default: 'dueDate' })
  @IsOptional()
  @IsIn(ASSIGNMENT_SORTS, { message: `sort must be one of ${ASSIGNMENT_SORTS.join(', ')}` })
  sort?: AssignmentSort;
}
