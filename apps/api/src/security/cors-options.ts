import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';

/** Browser clients on these origins may call the API with a bearer token (no cookies, so no credentials). */
export function corsOptions(origins: readonly string[]): CorsOptions {
  return {
    origin: [...origins],
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposedHeaders: ['Retry-After'],
    credentials: false,
    maxAge: 600,
  };
}
