import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { ConsistencySnapshot } from './consistency.snapshot';
import { DependencyHealthIndicators } from './dependency-health.indicators';
import { ApiAnswer, freeObject } from '../common/openapi-responses';

const LABELS: Record<string, string> = {
  postgres: '数据库 PostgreSQL',
  redis: '缓存与队列 Redis',
  temporal: '流程引擎 Temporal',
  worker: '工作进程 worker',
};

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly dependencies: DependencyHealthIndicators,
    private readonly consistency: ConsistencySnapshot,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Each dependency by name — PostgreSQL, Redis, Temporal and worker liveness — 200 when all are up, 503 (Retry-After) naming what is down; `consistency` summarises sequence gaps and open assignments without a workflow (refreshed at most once a minute)',
  })
  @ApiAnswer(freeObject('status (ok | error), message (中文), info and error per dependency'), 'every dependency answers (503 with the same shape when one does not)')
  async check(@Res({ passthrough: true }) response: Response) {
    const result = await this.health
      .check([() => this.dependencies.postgres(), () => this.dependencies.redis(), () => this.dependencies.temporal(), () => this.dependencies.worker()])
      .catch((error: unknown) => {
        if (error instanceof ServiceUnavailableException) return error.getResponse() as HealthCheckResult;
        throw error;
      });
    const down = Object.keys(result.error ?? {});
    if (down.length > 0) {
      response.status(503);
      response.setHeader('Retry-After', '5');
    }
    return {
      ...result,
      message: down.length > 0 ? `不可用：${down.map((key) => LABELS[key] ?? key).join('、')}` : '全部正常',
      consistency: this.consistency.latest(),
    };
  }
}
