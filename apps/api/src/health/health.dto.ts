import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { HealthCheckResult } from '@nestjs/terminus';
import type { PipelineStatus } from '@platform/heartbeat';

const INDICATOR_STATUSES = ['up', 'degraded', 'down'] as const;

export class HealthIndicatorResponse {
  @ApiProperty({ enum: INDICATOR_STATUSES, example: 'up' }) status: string;
}

const INDICATORS = {
  type: 'object',
  additionalProperties: { $ref: getSchemaPath(HealthIndicatorResponse) },
  example: { database: { status: 'up' } },
} as const;

/** Readiness: every indicator (today the database) and how it is. */
export class HealthResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' }) status: string;
  @ApiProperty({ ...INDICATORS, description: 'Indicators that are up' }) info: Record<string, HealthIndicatorResponse>;
  @ApiProperty({ ...INDICATORS, description: 'Indicators that are down (none when the answer is 200)', example: {} })
  error: Record<string, HealthIndicatorResponse>;
  @ApiProperty({ ...INDICATORS, description: 'Every indicator' }) details: Record<string, HealthIndicatorResponse>;

  static from(r: HealthCheckResult): HealthResponse {
    const status = (indicators: HealthCheckResult['info'] = {}) =>
      Object.fromEntries(Object.entries(indicators).flatMap(([name, i]) => (i ? [[name, { status: i.status }]] : [])));
    return { status: r.status, info: status(r.info), error: status(r.error), details: status(r.details) };
  }
}

/** Liveness: the process answers; says nothing about the database. */
export class LivenessResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' }) status: 'ok';
}

export class WorkerHealthResponse {
  @ApiProperty({ enum: ['up'], example: 'up' }) status: 'up';
  @ApiProperty({ description: 'Workers seen within the last minute', example: 2 }) running: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a worker last wrote its heartbeat' })
  lastSeenAt: string | null;
}

export class MailHealthResponse {
  @ApiProperty({ enum: ['up'], example: 'up' }) status: 'up';
  @ApiProperty({ description: 'Queued e-mails whose time to be sent has come', example: 0 }) due: number;
  @ApiProperty({ description: 'How long the longest-waiting due e-mail has waited', example: 0 }) oldestDueSeconds: number;
  @ApiProperty({ description: 'E-mails that failed once or more and wait for another attempt', example: 0 }) retrying: number;
  @ApiProperty({ description: 'E-mails given up on, waiting for staff to send them again', example: 0 }) failed: number;
}

/** Background work: a worker runs and due e-mail is being delivered. */
export class PipelineHealthResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' }) status: 'ok';
  @ApiProperty({ type: WorkerHealthResponse }) worker: WorkerHealthResponse;
  @ApiProperty({ type: MailHealthResponse }) mail: MailHealthResponse;

  static from(s: PipelineStatus): PipelineHealthResponse {
    const { up: _worker, ...worker } = s.worker;
    const { up: _mail, ...mail } = s.mail;
    return {
      status: 'ok',
      worker: { status: 'up', ...worker, lastSeenAt: worker.lastSeenAt?.toISOString() ?? null },
      mail: { status: 'up', ...mail },
    };
  }
}
