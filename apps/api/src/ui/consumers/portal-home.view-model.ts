import { awaitsConfirmation, type ConsumerNoticeView } from '@domain/notices';
import type { TicketSummary } from '@domain/support';
import type { Page } from '@platform/database';

/** How many of the questions waiting on the organisation the start page names; the rest are counted. */
export const WAITING_TICKETS_SHOWN = 5;

/**
 * What waits on the organisation, for the top of its start page: the notices its users have not
 * confirmed (read, or ready where the notice asks for work), and the questions KS waits for an
 * answer to, oldest first.
 */
export function portalToDo(notices: ConsumerNoticeView[], waiting: Page<TicketSummary>) {
  const unconfirmed = notices.filter(awaitsConfirmation).length;
  return {
    notices: unconfirmed,
    tickets: waiting.items.map((t) => ({ id: t.id, reference: t.reference, subject: t.subject })),
    moreTickets: Math.max(0, waiting.total - waiting.items.length),
    nothing: unconfirmed === 0 && waiting.total === 0,
  };
}
