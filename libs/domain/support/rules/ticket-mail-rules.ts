/**
 * Whether an e-mail may be written on a ticket it names. A Message-ID KS sent (or the ticket's own
 * e-mails) is known only to those who received that mail, so a reply in the thread counts from
 * any sender; a reference in the subject (HV-2026-0001) can be guessed, so it counts only from the
 * ticket's requester or a registered contact of its consumer.
 */
export function mayWriteOnTicket(
  how: 'thread' | 'subject-reference',
  from: string,
  ticket: { requesterEmail: string | null },
  consumerContactEmails: readonly string[],
): boolean {
  if (how === 'thread') return true;
  const sender = from.trim().toLowerCase();
  return sender === ticket.requesterEmail?.toLowerCase() || consumerContactEmails.some((e) => e.toLowerCase() === sender);
}

/**
 * Whose ticket a new e-mail opens, from the consumers whose registered contact the sender is: one
 * consumer is theirs; none, or several (a vendor working for many municipalities), opens it
 * without a consumer, marked unverified, for staff to choose.
 */
export function senderConsumer(consumerIds: readonly string[]): { consumerId: string | null; unverified: boolean } {
  const distinct = [...new Set(consumerIds)];
  return distinct.length === 1 ? { consumerId: distinct[0], unverified: false } : { consumerId: null, unverified: true };
}

/** An e-mail's subject and text as a ticket holds them: never empty, never longer than a ticket takes. */
export function ticketMailText(
  subject: string,
  text: string,
  texts: { noSubject: string; noText: string; clipped: string },
  limits: { subject: number; body: number },
): { subject: string; body: string } {
  const cleanSubject = subject.replace(/\s+/g, ' ').trim();
  const body = text.trim();
  const room = limits.body - texts.clipped.length - 2;
  return {
    subject: (cleanSubject || texts.noSubject).slice(0, limits.subject),
    body: !body ? texts.noText : body.length > limits.body ? `${body.slice(0, room).trimEnd()}\n\n${texts.clipped}` : body,
  };
}
