import { defineMailTemplate } from '@platform/mail';

/** KS staff writing to Skatteetaten in an incident's escalation thread. */
export interface IncidentMessageSkeMail {
  reference: string;
  title: string;
  /** The first message's subject: every message of the thread answers under it. */
  threadSubject: string | null;
  /** As staff wrote it (identity numbers masked). */
  body: string;
  skeCaseReference: string | null;
}

export const INCIDENT_MESSAGE_SKE_MAIL = defineMailTemplate<IncidentMessageSkeMail>('incident-message-ske', __dirname, {
  toOneParty: true,
  reader: 'skatteetaten',
});
