import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested, ArrayMaxSize } from 'class-validator';
import { UNIT_KINDS } from '@duban/services';
import { PageQueryDto } from '../common/query-dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class JurisdictionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['province', 'city', 'district', 'county'] })
  @IsOptional()
  @IsIn(['province', 'city', 'district', 'county'], { message: 'level 须为 province、city、district 或 county' })
  level?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId 须为辖区编号（uuid）' })
  parentId?: string;
}

export class UnitListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the jurisdiction and its districts/counties' })
  @IsOptional()
  @IsUUID('all', { message: 'jurisdictionId 须为辖区编号（uuid）' })
  jurisdictionId?: string;

  @ApiPropertyOptional({ description: 'matches the full name, short name or any alias' })
  @IsOptional()
  @IsString({ message: 'text 须为文字' })
  @Length(1, 100, { message: 'text 须为 1–100 个字' })
  text?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS, { message: `kind 须为 ${UNIT_KINDS.join('、')} 之一` })
  kind?: (typeof UNIT_KINDS)[number];
}

export class UnitChangesDto {
  @ApiPropertyOptional({ example: '南京市卫生健康委员会' })
  @IsOptional()
  @IsString({ message: 'name 须为文字' })
  @Length(1, 100, { message: 'name 须为 1–100 个字' })
  name?: string;

  @ApiPropertyOptional({ example: '市卫健委', nullable: true })
  @IsOptional()
  @IsString({ message: 'shortName 须为文字' })
  @Length(1, 50, { message: 'shortName 须为 1–50 个字' })
  shortName?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS, { message: `kind 须为 ${UNIT_KINDS.join('、')} 之一` })
  kind?: (typeof UNIT_KINDS)[number];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId 须为单位编号（uuid）' })
  parentId?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE, { message: 'validFrom 须为日期（YYYY-MM-DD）' })
  validFrom?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE, { message: 'validTo 须为日期（YYYY-MM-DD）' })
  validTo?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the unit that continues this one after validTo (机构改革)' })
  @IsOptional()
  @IsUUID('all', { message: 'successorId 须为单位编号（uuid）' })
  successorId?: string;
}

export class NewUnitDto extends UnitChangesDto {
  @ApiProperty({ example: '南京市卫生健康委员会' })
  @IsString({ message: 'name 须为文字' })
  @Length(1, 100, { message: 'name 须为 1–100 个字' })
  declare name: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS, { message: `kind 须为 ${UNIT_KINDS.join('、')} 之一` })
  declare kind: (typeof UNIT_KINDS)[number];

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'jurisdictionId 须为辖区编号（uuid）' })
  jurisdictionId!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'aliases 须为数组' })
  @ArrayMaxSize(50, { message: '别名最多 50 个' })
  @IsString({ each: true, message: '别名须为文字' })
  @Length(1, 100, { each: true, message: '别名须为 1–100 个字' })
  aliases?: string[];
}

export class AliasDto {
  @ApiProperty({ example: '市卫生健康委' })
  @IsString({ message: 'alias 须为文字' })
  @Length(1, 100, { message: 'alias 须为 1–100 个字' })
  alias!: string;
}

export class PlanJurisdictionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'jurisdictionId 须为辖区编号（uuid）' })
  jurisdictionId!: string;
}

export class MappedNewUnitDto {
  @ApiProperty({ example: '连云港市城区医共体管理办公室' })
  @IsString({ message: 'newUnit.name 须为文字' })
  @Length(1, 100, { message: 'newUnit.name 须为 1–100 个字' })
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'newUnit.shortName 须为文字' })
  @Length(1, 50, { message: 'newUnit.shortName 须为 1–50 个字' })
  shortName?: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS, { message: `newUnit.kind 须为 ${UNIT_KINDS.join('、')} 之一` })
  kind!: (typeof UNIT_KINDS)[number];
}

export class UnitMappingDto {
  @ApiProperty({ example: '城区', description: 'the name as the plan prints it' })
  @IsString({ message: 'printedName 须为文字' })
  @Length(1, 100, { message: 'printedName 须为 1–100 个字' })
  printedName!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'an existing unit (or give newUnit)' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId 须为单位编号（uuid）' })
  unitId?: string;

  @ApiPropertyOptional({ type: MappedNewUnitDto, description: 'a unit to create in the plan jurisdiction' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MappedNewUnitDto)
  newUnit?: MappedNewUnitDto;
}
