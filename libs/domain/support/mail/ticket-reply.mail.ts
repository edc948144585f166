import { defineMailTemplate } from '@platform/mail';

/** KS's public answer on a ticket, to its requester (or the consumer's contacts), in the ticket's thread. */
export interface TicketReplyMail {
  /** The requester's name, or empty when only the address is known. */
  name: string;
  reference: string;
  subject: string;
  /** The answer as staff wrote it (identity numbers masked). */
  body: string;
  /** Staff opened the answer with a greeting, or closed it with a sign-off, of their own: the e-mail adds none. */
  ownGreeting: boolean;
  ownSignOff: boolean;
  /** The requester's organisation can sign in to the portal and answer there (not so a sender the registry does not know). */
  inPortal: boolean;
}

export const TICKET_REPLY_MAIL = defineMailTemplate<TicketReplyMail>('ticket-reply', __dirname, { toOneParty: true });
