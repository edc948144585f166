import { DomainException } from '@platform/errors';

import type { PipelineStatus } from './pipeline-status';

/** Background work has stopped: no worker runs, or due e-mail is not being delivered. */
export class PipelineDown extends DomainException {
  constructor(status: PipelineStatus) {
    const mail = `${status.mail.due} e-mail(s) due, the oldest for ${status.mail.oldestDueSeconds} s`;
    super(
      'unavailable',
      status.worker.up ? 'mail_stalled' : 'worker_unavailable',
      status.worker.up
        ? `E-mail is not being delivered: ${mail}.`
        : `No worker is running (last seen: ${status.worker.lastSeenAt?.toISOString() ?? 'never'}); ${mail}.`,
    );
  }
}
