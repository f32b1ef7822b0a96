import { Controller, ForbiddenException, Get, Header, Inject, Req, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { ACCOUNTS_CONFIG, type AccountsConfig } from '@duban/accounts';
import { metricsRegistry } from '@duban/metrics';
import { bearerToken } from '../auth/bearer-token';
import { apiMetrics } from '../cluster/cluster-metrics';
import { Public } from '../auth/public.decorator';
import { metricsAccess } from './metrics-access';

/** Prometheus scrape endpoint: no user token; METRICS_TOKEN or loopback instead (see libs/accounts/README.md). */
@ApiExcludeController()
@Controller('metrics')
@Public()
export class MetricsController {
  constructor(@Inject(ACCOUNTS_CONFIG) private readonly config: AccountsConfig) {}

  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  @Header('Cache-Control', 'no-store')
  async scrape(@Req() request: Request): Promise<string> {
    const access = metricsAccess(this.config.metricsToken, bearerToken(request.headers.authorization), request.socket.remoteAddress);
    if (access === 'token_required') throw new UnauthorizedException('metrics need Authorization: Bearer <METRICS_TOKEN>');
    if (access === 'loopback_only') throw new ForbiddenException('metrics are served to loopback clients only (set METRICS_TOKEN to scrape remotely)');
    return apiMetrics();
  }
}
