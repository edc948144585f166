import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';

import { Public } from '../auth/access.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { HealthIndicatorResponse, HealthResponse } from './health.dto';

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
  @ApiProblems([503, 'Not ready: the database does not answer'])
  async check() {
    return HealthResponse.from(await this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]));
  }
}
