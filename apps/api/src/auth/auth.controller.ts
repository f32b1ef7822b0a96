import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Actor } from '@duban/domain';
import { AuthService, UsersService } from '@duban/accounts';
import { AccountErrorFilter } from './account-error.filter';
import { CurrentActor } from './current-actor.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { Public } from './public.decorator';
import { ApiAnswer, TOKEN_PAIR, USER } from '../common/openapi-responses';
import { strictValidation } from './strict-validation.pipe';

@ApiTags('auth')
@Controller('api/v1/auth')
@UseFilters(AccountErrorFilter)
@UsePipes(strictValidation())
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sign in: a 15-minute access token and a refresh token (after 5 wrong passwords this address waits 30 s, doubling per further failure up to 15 minutes; other addresses are unaffected)',
  })
  @ApiAnswer(TOKEN_PAIR, 'signed in: an access token, a refresh token and the user')
  login(@Body() body: LoginDto, @Req() request: Request) {
    return this.auth.login(body.username, body.password, request.ip ?? request.socket.remoteAddress ?? 'unknown');
  }

  @Post('refresh')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (the old refresh token is used up; replaying it ends the session)' })
  @ApiAnswer(TOKEN_PAIR, 'a new token pair (the refresh token rotates)')
  refresh(@Body() body: RefreshTokenDto) {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign out: revokes the refresh token and every token rotated from the same sign-in' })
  @ApiAnswer(null, 'signed out: the refresh token is revoked', HttpStatus.NO_CONTENT)
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiAnswer(USER, 'the signed-in user')
  me(@CurrentActor() actor: Actor & { id: string }) {
    return this.users.get(actor.id);
  }

  @Post('password')
  @ApiBearerAuth()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Change the password (needs the current one); ends every session and answers a fresh token pair' })
  @ApiAnswer(TOKEN_PAIR, 'the password changed: other sessions end, a new token pair')
  changePassword(@CurrentActor() actor: Actor & { id: string }, @Body() body: ChangePasswordDto, @Req() request: Request) {
    return this.auth.changePassword(actor.id, body.currentPassword, body.newPassword, request.ip ?? request.socket.remoteAddress ?? 'unknown');
  }
}
