import { Injectable } from '@nestjs/common';
import { ListOutboxMessages } from '@platform/mail';

import { PipelineDown } from './pipeline-down.exception';
import { judgePipeline, PipelineStatus } from './pipeline-status';
import { WorkerHeartbeatRepository } from './worker-heartbeat.repository';

/** Whether a worker runs and the e-mail outbox is being delivered (pipeline-status.ts judges). */
@Injectable()
export class ReadPipelineStatus {
  constructor(
    private readonly heartbeats: WorkerHeartbeatRepository,
    private readonly mail: ListOutboxMessages,
  ) {}

  async execute(): Promise<PipelineStatus> {
    const [{ now, seen }, backlog] = await Promise.all([this.heartbeats.lastSeen(), this.mail.backlog()]);
    return judgePipeline(now, seen, backlog);
  }

  /** The status when background work goes on; PipelineDown when it has stopped. */
  async check(): Promise<PipelineStatus> {
    const status = await this.execute();
    if (!status.healthy) throw new PipelineDown(status);
    return status;
  }
}
