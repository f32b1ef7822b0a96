import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MANUAL_ESCALATION_LEVELS, type ManualEscalationLevel } from '@duban/domain';
import { IsCalendarDate } from '../../common/query-dto';

const TEXT_MAX = 5000;
const reasonMessage = (field: string) => ({ message: `${field} must be 1–${TEXT_MAX} characters` });

class EvidenceDto {
  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['https://example.gov.cn/doc/1'] })
  @IsOptional()
  @IsArray({ message: 'evidenceLinks must be an array of links' })
  @ArrayMaxSize(20, { message: 'evidenceLinks may hold at most 20 links' })
  @IsString({ each: true, message: 'each of evidenceLinks must be a string' })
  @Length(1, 2000, { each: true, message: 'each of evidenceLinks must be 1–2000 characters' })
  evidenceLinks?: string[];
}

/** 签收: no fields. */
export class AcceptDto {}

/** 进展反馈. */
export class ReportProgressDto extends EvidenceDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt({ message: 'percent must be a whole number' })
  @Min(0, { message: 'percent must be between 0 and 100' })
  @Max(100, { message: 'percent must be between 0 and 100' })
  percent?: number;

  @ApiPropertyOptional({ description: 'actual value against the numeric target' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'actualValue must be a number' })
  actualValue?: number;

  @ApiProperty({ example: '已完成方案制定' })
  @IsString({ message: 'text must be a string' })
  @Length(1, TEXT_MAX, reasonMessage('text'))
  text!: string;
}

/** 申请办结. */
export class RequestClosureDto extends EvidenceDto {
  @ApiProperty()
  @IsString({ message: 'summary must be a string' })
  @Length(1, TEXT_MAX, reasonMessage('summary'))
  summary!: string;
}

/** 审核办结（通过）. */
export class ApproveClosureDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'note must be a string' })
  @Length(1, TEXT_MAX, reasonMessage('note'))
  note?: string;
}

/** A reason is required: 退回, 退办, 撤销, 约谈. */
export class ReasonDto {
  @ApiProperty()
  @IsString({ message: 'reason must be a string' })
  @Length(1, TEXT_MAX, reasonMessage('reason'))
  reason!: string;
}

/** 约谈: the reason, and an override reason when the assignment is neither overdue nor at the 约谈 level. */
export class TalkDto extends ReasonDto {
  @ApiPropertyOptional({ description: '未逾期且未升级到约谈级别时，确需约谈的理由（否则 409 talk_not_due）' })
  @IsOptional()
  @IsString({ message: 'overrideReason must be a string' })
  @Length(1, TEXT_MAX, reasonMessage('overrideReason'))
  overrideReason?: string;
}

/** 申请延期. */
export class RequestExtensionDto extends ReasonDto {
  @ApiProperty({ format: 'date', example: '2027-06-30' })
  @IsString({ message: 'newDueDate must be a date (YYYY-MM-DD)' })
  @IsCalendarDate({ message: 'newDueDate must be a date (YYYY-MM-DD)' })
  newDueDate!: string;
}

/** 审批延期. */
export class DecideExtensionDto {
  @ApiProperty()
  @IsBoolean({ message: 'approve must be true or false' })
  approve!: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'approve a different date than requested' })
  @IsOptional()
  @IsString({ message: 'newDueDate must be a date (YYYY-MM-DD)' })
  @IsCalendarDate({ message: 'newDueDate must be a date (YYYY-MM-DD)' })
  newDueDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'reason must be a string' })
  @Length(1, TEXT_MAX, reasonMessage('reason'))
  reason?: string;
}

/** 改派. */
export class ReassignDto {
  @ApiProperty({ example: '市发改委' })
  @IsString({ message: 'toUnit must be a string' })
  @Length(1, 200, { message: 'toUnit must be 1–200 characters' })
  toUnit!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'reason must be a string' })
  @Length(1, TEXT_MAX, reasonMessage('reason'))
  reason?: string;
}

/** 催办 / 督办. */
export class UrgeDto {
  @ApiPropertyOptional({ enum: MANUAL_ESCALATION_LEVELS, default: 'urge' })
  @IsOptional()
  @IsIn(MANUAL_ESCALATION_LEVELS, { message: 'level must be urge or supervise' })
  level?: ManualEscalationLevel;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'note must be a string' })
  @Length(1, TEXT_MAX, reasonMessage('note'))
  note?: string;
}
