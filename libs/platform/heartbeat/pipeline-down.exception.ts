import { DomainException } from '@platform/errors';

import type { PipelineStatus } from './pipeline-status';

const MESSAGES = {
  worker: 'No worker is running: none has written its heartbeat for a minute.',
  queue: 'E-mail is not being sent: a due e-mail has waited five minutes.',
  retries: 'E-mail is not getting through: retried e-mail has not been taken by the mail server for fifteen minutes.',
} as const;

/**
 * Background work has stopped: no worker runs, or e-mail is not being delivered. Its message
 * gives no numbers: the route is public, and the backlog would show sign-in links being queued.
 */
export class PipelineDown extends DomainException {
  constructor(status: PipelineStatus) {
    const cause = status.worker.up ? (status.mail.stalled ?? 'queue') : 'worker';
    super('unavailable', cause === 'worker' ? 'worker_unavailable' : 'mail_stalled', MESSAGES[cause]);
  }
}
