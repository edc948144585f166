import type { Logger } from '@nestjs/common';

/**
 * The rounds of a job class's scheduled jobs. A job whose last round is still running when its
 * next tick comes skips that tick, so a slow database cannot pile rounds up. A failed round is
 * logged under the job's name and does not reach the scheduler; the next tick tries again.
 */
export class JobRounds {
  private readonly running = new Set<string>();

  constructor(private readonly logger: Pick<Logger, 'error'>) {}

  async run(job: string, round: () => Promise<unknown>): Promise<void> {
    if (this.running.has(job)) return;
    this.running.add(job);
    try {
      await round();
    } catch (e) {
      this.logger.error({ err: e instanceof Error ? e.message : String(e) }, `${job} failed`);
    } finally {
      this.running.delete(job);
    }
  }
}
