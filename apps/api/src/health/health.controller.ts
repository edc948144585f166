import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DatabaseUnavailable } from '@platform/database';
import { ReadPipelineStatus } from '@platform/heartbeat';

import { Public } from '../auth/access.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { HealthIndicatorResponse, HealthResponse, LivenessResponse, PipelineHealthResponse } from './health.dto';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly pipeline: ReadPipelineStatus,
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

  @Get('worker')
  @Public()
  @ApiOperation({
    summary: 'Check background work',
    description:
      'Answers 200 while a worker runs and e-mail is being delivered. For monitoring and alerting: the API stays ready without a worker (reports are taken and their e-mail waits), so this is not part of readiness. Only the verdict: staff see the outbox backlog on the mail page.',
  })
  @ApiOkResponse({ type: PipelineHealthResponse })
  @ApiProblems([
    503,
    'worker_unavailable: no worker has written its heartbeat for a minute; mail_stalled: a due e-mail has waited five minutes, or retried e-mail has not got through for fifteen; database_unavailable',
  ])
  async worker(): Promise<PipelineHealthResponse> {
    await this.pipeline.check();
    return PipelineHealthResponse.UP;
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
