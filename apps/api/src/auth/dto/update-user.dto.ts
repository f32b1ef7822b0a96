import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { HUMAN_ROLES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULE, type HumanRole } from '@duban/accounts';

/** Every field optional; a password here is an administrator's reset and ends the user's sessions. */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'displayName must be a string' })
  @Length(1, 64, { message: 'displayName must be 1–64 characters' })
  displayName?: string;

  @ApiPropertyOptional({ enum: HUMAN_ROLES })
  @IsOptional()
  @IsIn(HUMAN_ROLES, { message: `role must be one of ${HUMAN_ROLES.join(', ')}` })
  role?: HumanRole;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'unitIds must be an array of directory unit ids (or unique unit names)' })
  @ArrayMaxSize(50, { message: 'unitIds may list at most 50 units' })
  @IsString({ each: true, message: 'each unitIds entry must be a string' })
  @Length(1, 64, { each: true, message: 'each unitIds entry must be 1–64 characters' })
  unitIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'disabled must be true or false' })
  disabled?: boolean;

  @ApiPropertyOptional({ format: 'password', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsOptional()
  @IsString({ message: 'password must be a string' })
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: PASSWORD_RULE })
  password?: string;
}
