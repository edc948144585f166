import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DatabaseUnavailable } from '@platform/database';

import { Public } from '../auth/access.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { HealthIndicatorResponse, HealthResponse, LivenessResponse } from './health.dto';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Check readiness', description: 'Answers 200 when the service can take requests: the database answers.' })
  @ApiExtraModels(HealthIndicatorResponse)
  @ApiOkResponse({ type: HealthResponse })
  @ApiProblems([503, 'Not ready: the database does not answer (database_unavailable)'])
  async check() {
    return HealthResponse.from(await this.health.check([() => this.db.pingCheck('database', { timeout: 1500 })]).catch(databaseDown));
  }

  @Get('live')
  @Public()
  @ApiOperation({
    summary: 'Check liveness',
    description: 'Answers 200 while the process serves HTTP, without touching the database: a restart would not fix a database outage.',
  })
  @ApiOkResponse({ type: LivenessResponse })
  live(): LivenessResponse {
    return { status: 'ok' };
  }
}

/** The database is the only indicator: not ready means it does not answer. */
function databaseDown(e: unknown): never {
  throw e instanceof ServiceUnavailableException ? new DatabaseUnavailable() : e;
}
