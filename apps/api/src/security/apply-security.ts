import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { ACCOUNTS_CONFIG, type AccountsConfig } from '@duban/accounts';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { AuditRecorder } from '../audit/audit-recorder.middleware';
import { requestDeadline } from '../common/request-deadline.middleware';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { bodyParsers } from './body-parsers';
import { corsOptions } from './cors-options';
import { helmetOptions } from './helmet-options';

/**
 * The HTTP layer in front of every route, in order. Call once, before listen, on
 * an app created with `bodyParser: false` (the body parsers with the size limit
 * are installed here):
 *  1. metrics and audit observers, first so they see every response, including
 *     requests refused by the layers below (CORS, 413);
 *  2. helmet's security headers;
 *  3. CORS from CORS_ORIGINS (off when empty);
 *  4. JSON bodies up to JSON_BODY_LIMIT (1 MB); uploads are limited by their own routes;
 *  5. the request deadline: every request answers within REQUEST_TIMEOUT_MS (503 otherwise).
 */
export function applySecurity(app: NestExpressApplication): void {
  const config = app.get<AccountsConfig>(ACCOUNTS_CONFIG);
  app.set('trust proxy', config.trustProxy);
  app.use(httpMetricsMiddleware);
  app.use(app.get(AuditRecorder).middleware);
  app.use(helmet(helmetOptions(config.production)));
  if (config.corsOrigins.length > 0) app.enableCors(corsOptions(config.corsOrigins));
  for (const parser of bodyParsers(config.bodyLimit)) app.use(parser);
  app.use(requestDeadline(app.get<DubanConfig>(DUBAN_CONFIG).requestTimeoutMs));
}
