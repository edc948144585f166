import { defineMailTemplate } from '@platform/mail';

/** The last message of the thread to Skatteetaten: the incident is resolved. */
export interface EscalationClosedMail {
  reference: string;
  title: string;
  /** The first message's subject: every message of the thread answers under it. */
  threadSubject: string | null;
  /** The resolution as staff wrote it (identity numbers masked). */
  message: string;
  /**
   * The thread went to the ordinary channel before staff judged the incident a security matter:
   * it is only told that the incident is closed, not how, nor how many it reached since.
   */
  followedElsewhere: boolean;
  consumerCount: number;
  skeCaseReference: string | null;
  /** Incidents with threads of their own merged into this one since the last message in this thread. */
  mergedThreads: Array<{ reference: string; skeCaseReference: string | null }>;
}

export const ESCALATION_CLOSED_MAIL = defineMailTemplate<EscalationClosedMail>('escalation-closed', __dirname, {
  toOneParty: true,
  reader: 'skatteetaten',
});
