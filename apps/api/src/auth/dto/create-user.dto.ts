import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, Length, Matches } from 'class-validator';
import { HUMAN_ROLES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULE, USERNAME_PATTERN, USERNAME_RULE, type HumanRole } from '@duban/accounts';

export class CreateUserDto {
  @ApiProperty({ example: 'zhangsan', pattern: USERNAME_PATTERN.source })
  @IsString({ message: 'username must be a string' })
  @Matches(USERNAME_PATTERN, { message: USERNAME_RULE })
  username!: string;

  @ApiProperty({ example: '张三' })
  @IsString({ message: 'displayName must be a string' })
  @Length(1, 64, { message: 'displayName must be 1–64 characters' })
  displayName!: string;

  @ApiProperty({ enum: HUMAN_ROLES })
  @IsIn(HUMAN_ROLES, { message: `role must be one of ${HUMAN_ROLES.join(', ')}` })
  role!: HumanRole;

  @ApiProperty({ type: [String], example: ['市卫健委'], description: 'Canonical unit names; required (non-empty) for unit_staff' })
  @IsArray({ message: 'unitIds must be an array of directory unit ids (or unique unit names)' })
  @ArrayMaxSize(50, { message: 'unitIds may list at most 50 units' })
  @IsString({ each: true, message: 'each unitIds entry must be a string' })
  @Length(1, 64, { each: true, message: 'each unitIds entry must be 1–64 characters' })
  unitIds!: string[];

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString({ message: 'password must be a string' })
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: PASSWORD_RULE })
  password!: string;
}
