import { SetMetadata } from '@nestjs/common';
import type { Role } from '@duban/domain';

export const ROLES_KEY = 'duban:roles';

/** Only these roles may call the route (or the controller's routes); others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
