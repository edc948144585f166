import { hostname } from 'node:os';

import { Injectable } from '@nestjs/common';
import { DeliverOutbox } from '@platform/mail';

import { WorkerHeartbeatRepository } from './worker-heartbeat.repository';

/** A worker process saying it is alive, and that it stops. */
@Injectable()
export class RecordWorkerHeartbeat {
  /** Under the id the worker claims outbox rows with (`claimed_by`), so the two can be read together. */
  readonly worker: { id: string; host: string; pid: number };

  private stopping = false;
  private beating: Promise<void> | null = null;

  constructor(
    private readonly heartbeats: WorkerHeartbeatRepository,
    outbox: DeliverOutbox,
  ) {
    this.worker = { id: outbox.workerId, host: hostname(), pid: process.pid };
  }

  /** Nothing once the worker stops: a late beat would bring its row back and count it as running. */
  execute(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    this.beating ??= this.heartbeats.beat(this.worker).finally(() => (this.beating = null));
    return this.beating;
  }

  /** Removes the row, after a beat still on its way. */
  async stopped(): Promise<void> {
    this.stopping = true;
    await this.beating?.catch(() => undefined);
    await this.heartbeats.remove(this.worker.id);
  }

  forgetGone(): Promise<number> {
    return this.heartbeats.forgetGone();
  }
}
