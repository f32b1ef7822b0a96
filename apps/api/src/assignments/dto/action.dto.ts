import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
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

/** One 佐证材料 item of a report: a file uploaded to the assignment, or a web link. */
export class EvidenceItemDto {
  @ApiProperty({ enum: ['file', 'url'] })
  @IsIn(['file', 'url'], { message: 'evidence kind must be file or url' })
  kind!: 'file' | 'url';

  @ApiPropertyOptional({ format: 'uuid', description: 'kind file: the id POST …/evidence answered' })
  @ValidateIf((item: EvidenceItemDto) => item.kind === 'file')
  @IsUUID('all', { message: 'evidence fileId must be the id of an uploaded file' })
  fileId?: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'https://www.gov.cn/zhengce/1.htm', description: 'kind url: http or https only' })
  @ValidateIf((item: EvidenceItemDto) => item.kind === 'url')
  @IsString({ message: 'evidence url must be a string' })
  @Length(1, 2000, { message: 'evidence url must be 1–2000 characters' })
  url?: string;
}

/** An actual (实际完成值) against one of the assignment's targets. */
export class ActualDto {
  @ApiProperty({ example: '新增家庭养老床位（张）' })
  @IsString({ message: 'actual metric must be a string' })
  @Length(1, 200, { message: 'actual metric must be 1–200 characters' })
  metric!: string;

  @ApiProperty({ example: 2025 })
  @IsInt({ message: 'actual year must be a whole number' })
  year!: number;

  @ApiProperty({ example: 380 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'actual value must be a number' })
  value!: number;

  @ApiPropertyOptional({ description: 'needed when the metric × year is a target in several regions' })
  @IsOptional()
  @IsString({ message: 'actual region must be a string' })
  @Length(1, 100, { message: 'actual region must be 1–100 characters' })
  region?: string;

  @ApiPropertyOptional({ description: "the value's unit; must be the target's (e.g. 张)" })
  @IsOptional()
  @IsString({ message: 'actual unit must be a string' })
  @Length(1, 20, { message: 'actual unit must be 1–20 characters' })
  unit?: string;
}

/** 进展反馈. */
export class ReportProgressDto extends EvidenceDto {
  @ApiPropertyOptional({ type: [EvidenceItemDto], maxItems: 20, description: '佐证材料: uploaded files by id, and links' })
  @IsOptional()
  @IsArray({ message: 'evidence must be an array' })
  @ArrayMaxSize(20, { message: 'evidence may hold at most 20 items' })
  @ValidateNested({ each: true })
  @Type(() => EvidenceItemDto)
  evidence?: EvidenceItemDto[];

  @ApiPropertyOptional({ type: [ActualDto], maxItems: 200, description: "actuals per metric × year, each one of the assignment's targets" })
  @IsOptional()
  @IsArray({ message: 'actuals must be an array' })
  @ArrayMaxSize(200, { message: 'actuals may hold at most 200 items' })
  @ValidateNested({ each: true })
  @Type(() => ActualDto)
  actuals?: ActualDto[];

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
