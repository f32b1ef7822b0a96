import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokensService, PrincipalCache, toActor, UsersService } from '@duban/accounts';
import type { AuthenticatedRequest } from './authenticated-request';
import type { RequestWithTicket } from '../common/query-token.middleware';
import { bearerToken } from './bearer-token';
import { IS_PUBLIC_KEY } from './public.decorator';

/**
 * Global guard: every route needs a valid access token unless marked @Public().
 * The user behind the token comes from a short cache (PrincipalCache, 5 s), not
 * a database read per request; disabling a user, a role change or a password
 * change drops the entry, so it takes effect within seconds rather than when the
 * 15-minute token expires.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessTokens: AccessTokensService,
    private readonly users: UsersService,
    private readonly principals: PrincipalCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;

    const token = bearerToken(request.headers.authorization);
    // The event stream's ticket (put there by the query-token middleware, on that route only).
    const ticket = (request as RequestWithTicket).eventTicket;
    if (!token && ticket) {
      const ticketClaims = await this.accessTokens.verifyEventTicket(ticket);
      if (!ticketClaims) throw new UnauthorizedException('事件流凭证无效或已过期，请重新获取');
      return this.authenticate(request, ticketClaims);
    }
    if (!token) throw new UnauthorizedException('请先登录（需要 Authorization: Bearer <token>）');
    const claims = await this.accessTokens.verify(token);
    if (!claims) throw new UnauthorizedException('登录凭证无效或已过期，请重新登录');
    return this.authenticate(request, claims);
  }

  private async authenticate(request: AuthenticatedRequest, claims: { sub: string; ver: number }): Promise<boolean> {
    const user = await this.principals.get(claims.sub, (id) => this.users.findById(id));
    if (!user || user.disabled || user.tokenVersion !== claims.ver) throw new UnauthorizedException('登录已失效，请重新登录');

    request.auth = { actor: { ...toActor(user), id: user.id }, username: user.username };
    return true;
  }
}
