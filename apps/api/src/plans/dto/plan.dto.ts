import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsCalendarDate, PageQueryDto } from '../../common/query-dto';

const PLAN_STATUSES = ['draft', 'publishing', 'published', 'withdrawn'] as const;

export class PlanQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PLAN_STATUSES })
  @IsOptional()
  @IsIn(PLAN_STATUSES, { message: `status must be one of ${PLAN_STATUSES.join(', ')}` })
  status?: (typeof PLAN_STATUSES)[number];

  @ApiPropertyOptional({ description: 'matches the title, document name or document number' })
  @IsOptional()
  @IsString({ message: 'text must be a string' })
  @Length(1, 200, { message: 'text must be 1–200 characters' })
  text?: string;
}

export class PreviewQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'due date of tasks without one, when the plan has no period' })
  @IsOptional()
  @IsCalendarDate({ message: 'defaultDueDate must be a date (YYYY-MM-DD)' })
  defaultDueDate?: string;
}

export class DeadlineDto {
  @ApiProperty({ format: 'date', example: '2027-12-31' })
  @IsString({ message: 'due must be a date (YYYY-MM-DD)' })
  @IsCalendarDate({ message: 'due must be a date (YYYY-MM-DD)' })
  due!: string;

  @ApiProperty({ example: '2027年底前完成' })
  @IsString({ message: 'text must be a string' })
  @Length(1, 1000, { message: 'text must be 1–1000 characters' })
  text!: string;
}

/** Edit of one draft task: every field optional, at least one required. */
export class EditTaskDto {
  @ApiPropertyOptional({ type: [String], example: ['市卫健委', '市发改委'], description: 'responsible units (full names); replaces the list' })
  @IsOptional()
  @IsArray({ message: 'units must be an array of unit names' })
  @ArrayMaxSize(200, { message: 'units may hold at most 200 names' })
  @IsString({ each: true, message: 'each of units must be a string' })
  @Length(1, 200, { each: true, message: 'each of units must be 1–200 characters' })
  units?: string[];

  @ApiPropertyOptional({ type: [String], example: ['市卫健委'], description: 'lead (牵头) units, among units' })
  @IsOptional()
  @IsArray({ message: 'lead must be an array of unit names' })
  @ArrayMaxSize(50, { message: 'lead may hold at most 50 names' })
  @IsString({ each: true, message: 'each of lead must be a string' })
  @Length(1, 200, { each: true, message: 'each of lead must be 1–200 characters' })
  lead?: string[];

  @ApiPropertyOptional({ type: [DeadlineDto] })
  @IsOptional()
  @IsArray({ message: 'deadlines must be an array of {due, text}' })
  @ArrayMaxSize(50, { message: 'deadlines may hold at most 50 entries' })
  @ValidateNested({ each: true })
  @Type(() => DeadlineDto)
  deadlines?: DeadlineDto[];
}

export class PublishDto {
  @ApiPropertyOptional({ description: 'confirm the units proposed for tasks without a responsibility clause' })
  @IsOptional()
  @IsBoolean({ message: 'confirmProposals must be true or false' })
  confirmProposals?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'due date of tasks without one (stored with the plan)' })
  @IsOptional()
  @IsString({ message: 'defaultDueDate must be a date (YYYY-MM-DD)' })
  @IsCalendarDate({ message: 'defaultDueDate must be a date (YYYY-MM-DD)' })
  defaultDueDate?: string;

  @ApiPropertyOptional({ description: 'accept the plan period’s end as the due date of tasks that print none' })
  @IsOptional()
  @IsBoolean({ message: 'acceptPlanEndDefault must be true or false' })
  acceptPlanEndDefault?: boolean;
}

export class WithdrawPlanDto {
  @ApiProperty({ example: '方案已被新方案替代' })
  @IsString({ message: 'reason must be a string' })
  @Length(1, 2000, { message: 'reason must be 1–2000 characters' })
  reason!: string;
}
