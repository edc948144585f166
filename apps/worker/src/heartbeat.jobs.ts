import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression, Interval } from '@nestjs/schedule';
import { HEARTBEAT_INTERVAL_MS, RecordWorkerHeartbeat } from '@platform/heartbeat';

import { JobRounds } from './job-rounds';

/**
 * Says that this worker runs, so `/health/worker` and the mail page can tell when no worker does:
 * a beat at start and every HEARTBEAT_INTERVAL_MS, the row removed as the worker stops.
 */
@Injectable()
export class HeartbeatJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(HeartbeatJobs.name);
  private readonly rounds = new JobRounds(this.logger);

  constructor(private readonly heartbeat: RecordWorkerHeartbeat) {}

  onApplicationBootstrap(): Promise<void> {
    return this.beat();
  }

  @Interval(HEARTBEAT_INTERVAL_MS)
  beat(): Promise<void> {
    return this.rounds.run('writing the heartbeat', () => this.heartbeat.execute());
  }

  @Cron(CronExpression.EVERY_DAY_AT_3AM)
  forgetGone(): Promise<void> {
    return this.rounds.run('forgetting gone workers', () => this.heartbeat.forgetGone());
  }

  /** A stopping worker takes no new work; one that cannot reach the database now is taken for gone after four beats. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.heartbeat
      .stopped()
      .catch((e: unknown) => this.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'heartbeat not removed'));
  }
}
