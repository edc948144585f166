import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

import { Injectable } from '@nestjs/common';

import { WorkerHeartbeatRepository } from './worker-heartbeat.repository';

/** A worker process saying it is alive, and that it stops. */
@Injectable()
export class RecordWorkerHeartbeat {
  readonly worker = { id: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, host: hostname(), pid: process.pid };

  private stopping = false;
  private beating: Promise<void> | null = null;

  constructor(private readonly heartbeats: WorkerHeartbeatRepository) {}

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
