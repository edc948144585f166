import { defineMailTemplate } from '@platform/mail';

/** To the staff member who owns an incident's conversation: someone answered. */
export interface IncidentReplyReceivedMail {
  reference: string;
  title: string;
  /** 'skatteetaten' for the escalation thread, 'municipality' for a municipality's reply, 'reopened' when it reopened its report. */
  kind: 'skatteetaten' | 'municipality' | 'reopened';
  /** Who wrote: an address, or a municipality's name. */
  from: string;
  /** The incident page. */
  link: string;
}

export const INCIDENT_REPLY_RECEIVED_MAIL = defineMailTemplate<IncidentReplyReceivedMail>('incident-reply-received', __dirname, {
  reader: 'staff',
});
