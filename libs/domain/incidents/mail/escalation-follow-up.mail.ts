import { defineMailTemplate } from '@platform/mail';

import type { EscalationSample } from './escalation.mail';

/** A threaded reply to Skatteetaten with the reports that came in since the last message. */
export interface EscalationFollowUpMail {
  reference: string;
  title: string;
  /** The first message's subject: every message of the thread answers under it. */
  threadSubject: string | null;
  newReports: number;
  consumerCount: number;
  reportCount: number;
  /** The consumers of the new reports, "name (organisation number)", sorted */
  newConsumers: string[];
  newErrorCodes: string[];
  correlationIds: string[];
  samples: EscalationSample[];
  security: boolean;
  skeCaseReference: string | null;
  /** When KS reopened the incident after closing the thread, if no message has told them since. */
  reopenedAt: Date | null;
  /** Incidents with threads of their own merged into this one since the last message in this thread. */
  mergedThreads: Array<{ reference: string; skeCaseReference: string | null }>;
}

export const ESCALATION_FOLLOW_UP_MAIL = defineMailTemplate<EscalationFollowUpMail>('escalation-follow-up', __dirname, {
  toOneParty: true,
  reader: 'skatteetaten',
});
