import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { DependencyHealthIndicators } from './dependency-health.indicators';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly dependencies: DependencyHealthIndicators,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'PostgreSQL, Redis and Temporal reachability (200 healthy, 503 otherwise)' })
  check() {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 3000 }),
      () => this.dependencies.redis(),
      () => this.dependencies.temporal(),
    ]);
  }
}
