import { Injectable, SetMetadata, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { authorizePermission, type Permission } from '@duban/domain';
import { ServiceError } from '@duban/services';
import type { AuthenticatedRequest } from './authenticated-request';

const PERMISSION_KEY = 'duban:permission';

/** The route (or every route of the controller) needs this named permission; the domain decides which roles hold it. */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/**
 * Global guard after JwtAuthGuard: enforces @RequirePermission through the domain's authorizePermission
 * (403 with a Chinese reason otherwise). It runs before interceptors and pipes, so a refused upload is never read.
 * Routes without it are open to every signed-in user (read scope is applied by the services).
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, [context.getHandler(), context.getClass()]);
    if (!permission) return true;
    const auth = context.switchToHttp().getRequest<AuthenticatedRequest>().auth;
    if (!auth) throw new UnauthorizedException('请先登录');
    const allowed = authorizePermission(auth.actor, permission);
    if (!allowed.ok) throw new ServiceError('forbidden', allowed.reason, { rejection: allowed.code, permission });
    return true;
  }
}
