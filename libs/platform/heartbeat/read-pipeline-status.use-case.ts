import { Injectable } from '@nestjs/common';
import { ListOutboxMessages } from '@platform/mail';

import { PipelineDown } from './pipeline-down.exception';
import { judgePipeline, PipelineStatus } from './pipeline-status';
import { WorkerHeartbeatRepository } from './worker-heartbeat.repository';

/** Whether a worker runs and the e-mail outbox is being delivered (pipeline-status.ts judges). */
@Injectable()
export class ReadPipelineStatus {
  private reading: Promise<PipelineStatus> | null = null;

  constructor(
    private readonly heartbeats: WorkerHeartbeatRepository,
    private readonly mail: ListOutboxMessages,
  ) {}

  async execute(): Promise<PipelineStatus> {
    const [{ now, seen }, backlog] = await Promise.all([this.heartbeats.lastSeen(), this.mail.backlog()]);
    return judgePipeline(now, seen, backlog);
  }

  /**
   * The status when background work goes on; PipelineDown when it has stopped. The route that asks
   * is public and unthrottled, for monitors: calls that arrive while a read is under way share it,
   * so a flood of them costs the database one read at a time.
   */
  async check(): Promise<PipelineStatus> {
    this.reading ??= this.execute().finally(() => (this.reading = null));
    const status = await this.reading;
    if (!status.healthy) throw new PipelineDown(status);
    return status;
  }
}
