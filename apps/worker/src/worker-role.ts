import type { ProcessRole } from '@composition';

import { WorkerModule } from './worker.module';

/** Outbox delivery and scheduled jobs. */
export const WORKER_ROLE: ProcessRole = { name: 'worker', module: WorkerModule };
