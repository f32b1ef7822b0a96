import { Injectable, SetMetadata, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { authorizePlanAction, type PlanAction } from '@duban/domain';
import { ServiceError } from '@duban/services';
import type { AuthenticatedRequest } from '../auth/authenticated-request';

const PLAN_ACTION_KEY = 'duban:plan-action';

/** The route performs this plan action; the domain's authorizePlanAction decides who may (403 otherwise). */
export const PlanPermission = (action: PlanAction) => SetMetadata(PLAN_ACTION_KEY, action);

/** Checks @PlanPermission before anything else runs (an upload is not even read when refused). */
@Injectable()
export class PlanPermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const action = this.reflector.get<PlanAction | undefined>(PLAN_ACTION_KEY, context.getHandler());
    if (!action) return true;
    const auth = context.switchToHttp().getRequest<AuthenticatedRequest>().auth;
    if (!auth) throw new UnauthorizedException('sign in first');
    const allowed = authorizePlanAction(auth.actor, action);
    if (!allowed.ok) throw new ServiceError('forbidden', allowed.reason, { rejection: allowed.code });
    return true;
  }
}
