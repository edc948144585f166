import { defineMailTemplate } from '@platform/mail';

/** To the staff member handling a ticket (or every agent while nobody does): a clock is about to run out. */
export interface TicketSlaWarningMail {
  ticketId: string;
  reference: string;
  subject: string;
  /** Which clock: the first answer, or the ticket's resolution. */
  firstResponse: boolean;
  dueAt: Date;
  /** Nobody handles the ticket: the mail goes to every agent. */
  unassigned: boolean;
}

export const TICKET_SLA_WARNING_MAIL = defineMailTemplate<TicketSlaWarningMail>('ticket-sla-warning', __dirname, { reader: 'staff' });
