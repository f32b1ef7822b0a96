import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString({ message: 'username must be a string' })
  @Length(1, 64, { message: 'username must be 1–64 characters' })
  username!: string;

  @ApiProperty({ example: 'admin123', format: 'password' })
  @IsString({ message: 'password must be a string' })
  @Length(1, 256, { message: 'password must be 1–256 characters' })
  password!: string;
}
