import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@duban/domain';
import type { AuthenticatedRequest } from './authenticated-request';

/** The signed-in user as a domain Actor {role, unitIds, id}. Only on routes that are not @Public(). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor & { readonly id: string } => {
  const auth = context.switchToHttp().getRequest<AuthenticatedRequest>().auth;
  if (!auth) throw new UnauthorizedException('请先登录');
  return auth.actor;
});
