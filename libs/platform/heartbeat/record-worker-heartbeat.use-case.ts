import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

import { Injectable } from '@nestjs/common';

import { WorkerHeartbeatRepository } from './worker-heartbeat.repository';

/** A worker process saying it is alive, and that it stops. */
@Injectable()
export class RecordWorkerHeartbeat {
  readonly worker = { id: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, host: hostname(), pid: process.pid };

  constructor(private readonly heartbeats: WorkerHeartbeatRepository) {}

  execute(): Promise<void> {
    return this.heartbeats.beat(this.worker);
  }

  stopped(): Promise<void> {
    return this.heartbeats.remove(this.worker.id);
  }

  forgetGone(): Promise<number> {
    return this.heartbeats.forgetGone();
  }
}
