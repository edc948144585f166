/** Where a ticket (henvendelse) stands; SLA clocks read the history of these in the ticket's timeline. */
export const TICKET_STATUSES = ['new', 'open', 'waiting_on_consumer', 'waiting_on_skatteetaten', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** What a ticket is about: access and onboarding, the data's content, the legal basis, a technical matter, or something else. */
export const TICKET_CATEGORIES = ['access', 'data', 'legal', 'technical', 'other'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** How a ticket or a message reached KS. */
export const TICKET_CHANNELS = ['portal', 'api', 'staff', 'email'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** What a ticket can be linked to, each by its own reference. */
export const TICKET_LINK_KINDS = ['report', 'incident', 'onboarding', 'change_request'] as const;
export type TicketLinkKind = (typeof TICKET_LINK_KINDS)[number];

/** Statuses in which KS still owes the consumer something or waits for someone. */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['new', 'open', 'waiting_on_consumer', 'waiting_on_skatteetaten'];

/**
 * Staff set any status by hand except back to `new`: once someone has looked at a ticket it is
 * never new again, so the first-response clock cannot be restarted.
 */
export function canSetStatus(from: TicketStatus, to: TicketStatus): boolean {
  return from === to || to !== 'new';
}

/**
 * The status after the consumer writes on its ticket: a waiting or finished ticket is open
 * again (KS must act), a new one stays new. A closed ticket takes no more messages.
 */
export function statusAfterConsumerMessage(status: TicketStatus): TicketStatus {
  return status === 'new' ? 'new' : 'open';
}

/** The status after KS answers in public: a new ticket is open from its first answer. */
export function statusAfterStaffReply(status: TicketStatus): TicketStatus {
  return status === 'new' ? 'open' : status;
}

export interface RecipientContact {
  email: string;
}

/**
 * Who receives KS's public answer on a ticket: the requester's address, else every contact of
 * the consumer. An address a consumer gave (portal, API) counts only when it is one of its
 * registered contacts, so a consumer key cannot make KS write a stranger; an address staff took
 * down, or the sender of an e-mail, is written to as it is.
 */
export function ticketRecipients(
  ticket: { channel: TicketChannel; requesterEmail: string | null },
  contacts: RecipientContact[],
): string[] {
  const everyone = [...new Set(contacts.map((c) => c.email.toLowerCase()))];
  const requester = ticket.requesterEmail?.trim().toLowerCase();
  if (!requester) return everyone;
  if (contacts.some((c) => c.email.toLowerCase() === requester)) return [requester];
  return ticket.channel === 'portal' || ticket.channel === 'api' ? everyone : [requester];
}

/** Tags are short lower-case words, each once, in the order given. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, '-')).filter(Boolean))];
}

export type MergeRefusal = 'same_ticket' | 'already_merged' | 'other_consumer';

/** Why two tickets cannot be merged, or null: only live tickets of the same consumer (or none) become one. */
export function mergeRefusal(
  source: { id: string; consumerId: string | null; mergedIntoId: string | null },
  target: { id: string; consumerId: string | null; mergedIntoId: string | null },
): MergeRefusal | null {
  if (source.id === target.id) return 'same_ticket';
  if (source.mergedIntoId || target.mergedIntoId) return 'already_merged';
  if (source.consumerId && target.consumerId && source.consumerId !== target.consumerId) return 'other_consumer';
  return null;
}
