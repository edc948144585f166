import { RecordAudit } from '@domain/audit';
import { ListConsumerContacts } from '@domain/consumers';
import { AccessDenied, type Actor, actorOf, hasPermission, type Principal, requireAccess } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';
import { EnqueueEmail } from '@platform/mail';

import { TICKET_REPLY_MAIL } from './mail/ticket-reply.mail';
import { endsWithSignOff, opensWithGreeting } from './rules/letter-framing';
import { statusAfterConsumerMessage, statusAfterStaffReply, type TicketChannel, ticketRecipients } from './rules/ticket-rules';
import { TicketClosed, TicketNotFound } from './support.exceptions';
import type { Ticket } from './ticket.entity';
import { TicketRepository } from './ticket.repository';
import { TicketEventRepository } from './ticket-event.repository';
import type { MessageAuthor, MessageVisibility } from './ticket-message.entity';
import { TicketOwnership } from './ticket-ownership';
import { TicketSlaKeeper } from './ticket-sla-keeper';
import { TicketStatusWriter } from './ticket-status';
import { checkTicketText, cleanTicketText, isEmailAddress } from './ticket-text';

export interface TicketMessageInput {
  ticketId: string;
  body: string;
  visibility: MessageVisibility;
  author: MessageAuthor;
  channel: TicketChannel;
  /** E-mail: the sender. */
  fromAddress?: string | null;
  /** E-mail: the Message-ID it arrived with. */
  messageId?: string | null;
  /** E-mail: the stored inbound message (its attachments). */
  inboundMessageId?: string | null;
}

export interface AddedMessage {
  id: string;
  ticketId: string;
  reference: string;
  status: Ticket['status'];
  /** Addresses KS's answer was queued to (none for a note or the consumer's own message). */
  emailedTo: string[];
}

/**
 * Adds a message to a ticket. KS's public answer is e-mailed (an outbox row in the same
 * transaction) to the requester, else the consumer's contacts, threaded under the ticket's
 * earlier e-mails; an internal note is e-mailed to no one. The consumer writing again opens a
 * waiting or resolved ticket; a closed one takes no more of its messages. A message to a merged
 * ticket lands on the ticket it was merged into.
 */
@Injectable()
export class AddTicketMessage {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: TicketRepository,
    private readonly events: TicketEventRepository,
    private readonly status: TicketStatusWriter,
    private readonly access: TicketOwnership,
    private readonly contacts: ListConsumerContacts,
    private readonly email: EnqueueEmail,
    private readonly audit: RecordAudit,
    private readonly sla: TicketSlaKeeper,
  ) {}

  /** From the API or a page: staff answer or note; a consumer writes on its own ticket, always in public. */
  async forCaller(caller: Principal, ticketId: string, input: { body: string; internal?: boolean }, ip?: string | null) {
    if (caller.kind === 'staff') {
      if (!hasPermission(caller, 'ticket.manage')) throw new AccessDenied(caller, 'ticket.manage');
      return this.execute(
        { ticketId, body: input.body, visibility: input.internal ? 'internal' : 'public', author: 'staff', channel: 'staff' },
        actorOf(caller, ip),
      );
    }
    await requireAccess(this.access, caller, 'ticket.reply', [ticketId]);
    if (input.internal) throw new ValidationFailed([{ field: 'internal', message: 'is for KS staff only' }]);
    const channel = caller.via === 'portal-session' ? 'portal' : 'api';
    return this.execute({ ticketId, body: input.body, visibility: 'public', author: 'requester', channel }, actorOf(caller, ip));
  }

  async execute(input: TicketMessageInput, actor: Actor): Promise<AddedMessage> {
    const errors = checkTicketText({ body: input.body });
    const fromAddress = input.fromAddress?.trim().toLowerCase() || null;
    if (fromAddress && !isEmailAddress(fromAddress)) errors.push({ field: 'fromAddress', message: 'must be an e-mail address' });
    if (errors.length) throw new ValidationFailed(errors);
    const body = cleanTicketText(input.body);
    return this.db.transaction(async () => {
      const ticket = await this.live(input.ticketId);
      if (input.author === 'requester' && ticket.status === 'closed') throw new TicketClosed(ticket.reference);
      const now = new Date();
      const message = await this.repo.insertMessage({
        ticketId: ticket.id,
        visibility: input.visibility,
        author: input.author,
        authorLabel: fromAddress ?? actor.label,
        channel: input.channel,
        fromAddress,
        body,
        messageId: input.messageId ?? null,
        inboundMessageId: input.inboundMessageId ?? null,
      });
      const emailedTo = input.author === 'staff' && input.visibility === 'public' ? await this.send(ticket, message.id, body) : [];
      await this.repo.update(ticket.id, {
        lastMessageAt: now,
        ...(!ticket.threadMessageId && input.messageId ? { threadMessageId: input.messageId } : {}),
        ...(input.author === 'staff' && input.visibility === 'public' && !ticket.firstResponseAt ? { firstResponseAt: now } : {}),
      });
      await this.events.record(ticket.id, 'message_added', actor.label, {
        message: message.id,
        visibility: input.visibility,
        author: input.author,
        channel: input.channel,
        emailed: emailedTo.length,
      });
      if (input.visibility === 'public') {
        const next = input.author === 'staff' ? statusAfterStaffReply(ticket.status) : statusAfterConsumerMessage(ticket.status);
        await this.status.move(ticket, next, actor.label, now);
        await this.sla.refresh(ticket.id, now);
      }
      const isNote = input.visibility === 'internal';
      if (actor.kind === 'staff')
        await this.audit.execute({
          actor,
          action: isNote ? 'ticket.note_added' : 'ticket.replied',
          objectType: 'ticket',
          objectId: ticket.id,
          after: { reference: ticket.reference, message: message.id, emailed: emailedTo.length },
        });
      const after = (await this.repo.find(ticket.id))!;
      return { id: message.id, ticketId: ticket.id, reference: ticket.reference, status: after.status, emailedTo };
    });
  }

  /** The ticket, or the one it was merged into, locked for the rest of the transaction. */
  private async live(id: string): Promise<Ticket> {
    let ticket = await this.repo.lock(id);
    for (let hops = 0; ticket?.mergedIntoId && hops < 10; hops++) ticket = await this.repo.lock(ticket.mergedIntoId);
    if (!ticket) throw new TicketNotFound();
    return ticket;
  }

  /** Queues KS's answer in the ticket's e-mail thread; returns who it goes to (nobody known: nobody). */
  private async send(ticket: Ticket, messageRowId: string, body: string): Promise<string[]> {
    const contacts = ticket.consumerId ? await this.contacts.execute([ticket.consumerId]) : [];
    const to = ticketRecipients(ticket, contacts);
    if (!to.length) return [];
    const thread = [...new Set([...(ticket.threadMessageId ? [ticket.threadMessageId] : []), ...(await this.repo.threadIds(ticket.id))])];
    const messageId = this.email.newMessageId();
    const requester = ticket.requesterEmail ? contacts.find((c) => c.email.toLowerCase() === ticket.requesterEmail) : undefined;
    await this.email.execute({
      template: TICKET_REPLY_MAIL,
      to,
      messageId,
      inReplyTo: thread.at(-1) ?? null,
      // The thread's start and its latest messages keep every mail client's threading without an ever longer header.
      references: thread.length > 10 ? [thread[0], ...thread.slice(-9)] : thread,
      dedupeKey: `ticket-reply:${messageRowId}`,
      related: { type: 'ticket', id: ticket.id },
      data: {
        name: ticket.requesterName ?? requester?.name ?? '',
        reference: ticket.reference,
        subject: ticket.subject,
        body,
        ownGreeting: opensWithGreeting(body),
        ownSignOff: endsWithSignOff(body),
        inPortal: ticket.consumerId !== null,
      },
    });
    await this.repo.setMessageId(messageRowId, messageId);
    if (!ticket.threadMessageId) await this.repo.update(ticket.id, { threadMessageId: messageId });
    return to;
  }
}
