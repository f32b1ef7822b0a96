import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Body of POST /auth/refresh and POST /auth/logout. */
export class RefreshTokenDto {
  @ApiProperty({ description: 'The opaque refresh token from sign-in or the previous refresh' })
  @IsString({ message: 'refreshToken must be a string' })
  @Length(1, 256, { message: 'refreshToken must be 1–256 characters' })
  refreshToken!: string;
}
