import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { HealthCheckResult } from '@nestjs/terminus';

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

export class PipelinePartResponse {
  @ApiProperty({ enum: ['up'], example: 'up' }) status: 'up';
}

/**
 * Background work: a worker runs and e-mail is being delivered. Only the verdict: the backlog's
 * numbers would let anyone watch a sign-in link being queued for a registered address (staff see
 * them on the mail page).
 */
export class PipelineHealthResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' }) status: 'ok';
  @ApiProperty({ type: PipelinePartResponse }) worker: PipelinePartResponse;
  @ApiProperty({ type: PipelinePartResponse }) mail: PipelinePartResponse;

  static readonly UP: PipelineHealthResponse = { status: 'ok', worker: { status: 'up' }, mail: { status: 'up' } };
}
