import type { Request } from 'express';
import type { Actor } from '@duban/domain';

/** Who is calling, set by JwtAuthGuard on every request with a valid access token. */
export interface RequestAuth {
  readonly actor: Actor & { readonly id: string };
  readonly username: string;
}

export type AuthenticatedRequest = Request & { auth?: RequestAuth };
