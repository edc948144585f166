import { ListConsumerContacts } from '@domain/consumers';
import type { Actor, InboundMail, InboundMailHandler, InboundMailOutcome, InboundMailTarget } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { AddTicketMessage } from './add-ticket-message.use-case';
import { OpenTicket } from './open-ticket.use-case';
import { mayWriteOnTicket, senderConsumer, ticketMailText } from './rules/ticket-mail-rules';
import type { Ticket } from './ticket.entity';
import { TicketRepository } from './ticket.repository';
import { TicketEventRepository } from './ticket-event.repository';
import { TICKET_MAIL_TEXTS } from './ticket-mail.texts.nb';
import { isEmailAddress, TICKET_LIMITS } from './ticket-text';

/**
 * E-mail into tickets. A reply to KS's ticket mail (by Message-ID), to the ticket's own e-mails
 * (In-Reply-To/References naming them), or naming HV-2026-0001 in its subject from the requester
 * or a contact of the ticket's consumer, is the requester writing on the ticket (a waiting ticket
 * opens again); on a closed ticket it opens a new one linked to it. Any other mail a person wrote
 * opens a ticket: for the consumer whose registered contact the sender is, else without one,
 * marked unverified. The ticket's message keeps the stored e-mail, so its attachments are listed.
 */
@Injectable()
export class ReceiveTicketMail implements InboundMailHandler {
  readonly name = 'tickets';
  readonly relatedTypes = ['ticket'] as const;
  readonly referencePrefixes = ['HV'] as const;
  readonly takesNewConversations = true;

  constructor(
    private readonly repo: TicketRepository,
    private readonly events: TicketEventRepository,
    private readonly opener: OpenTicket,
    private readonly messages: AddTicketMessage,
    private readonly contacts: ListConsumerContacts,
  ) {}

  async accept(mail: InboundMail, target: InboundMailTarget): Promise<InboundMailOutcome> {
    switch (target.how) {
      case 'message-id': {
        const ticket = await this.live(await this.repo.find(target.relatedId));
        return ticket ? this.writeOn(ticket, mail) : this.open(mail);
      }
      case 'subject-reference': {
        const ticket = await this.live(await this.repo.findByReference(target.reference.toUpperCase()));
        if (!ticket) return { accepted: false };
        const contacts = ticket.consumerId ? await this.contacts.execute([ticket.consumerId]) : [];
        const allowed = mayWriteOnTicket(
          'subject-reference',
          mail.from,
          ticket,
          contacts.map((c) => c.email),
        );
        return allowed ? this.writeOn(ticket, mail) : { accepted: false };
      }
      case 'new-conversation': {
        // A reply to the requester's own earlier e-mail on a ticket is still that ticket's thread.
        for (const id of mail.threadIds) {
          const ticket = await this.live(await this.repo.findByMessageId(id));
          if (ticket) return { ...(await this.writeOn(ticket, mail)), how: 'message-id' };
        }
        return this.open(mail);
      }
    }
  }

  /** The ticket a message lands on: the one it was merged into, when it was. */
  private async live(ticket: Ticket | null): Promise<Ticket | null> {
    for (let hops = 0; ticket?.mergedIntoId && hops < 10; hops++) ticket = await this.repo.find(ticket.mergedIntoId);
    return ticket;
  }

  private async writeOn(ticket: Ticket, mail: InboundMail): Promise<InboundMailOutcome> {
    if (ticket.status === 'closed') return this.open(mail, ticket);
    const { body } = this.text(mail);
    await this.messages.execute(
      {
        ticketId: ticket.id,
        body,
        visibility: 'public',
        author: 'requester',
        channel: 'email',
        fromAddress: this.sender(mail),
        messageId: mail.messageId,
        inboundMessageId: mail.id,
      },
      this.actor(mail),
    );
    return { accepted: true, summary: `ticket:${ticket.reference}` };
  }

  /** A new ticket; after a closed one, for its consumer when the sender belongs there, and linked both ways. */
  private async open(mail: InboundMail, after?: Ticket): Promise<InboundMailOutcome> {
    const sender = this.sender(mail);
    const own = sender ? await this.contacts.byEmail(sender) : [];
    let whose = senderConsumer(own.map((c) => c.consumerId));
    if (after?.consumerId) {
      const contacts = await this.contacts.execute([after.consumerId]);
      const belongs =
        !!sender &&
        mayWriteOnTicket(
          'subject-reference',
          sender,
          after,
          contacts.map((c) => c.email),
        ) &&
        !after.unverified;
      if (belongs) whose = { consumerId: after.consumerId, unverified: false };
    }
    const { subject, body } = this.text(mail);
    const actor = this.actor(mail);
    const opened = await this.opener.execute(
      {
        subject,
        body,
        channel: 'email',
        fromAddress: sender,
        requesterName: mail.fromName?.slice(0, TICKET_LIMITS.requesterName) ?? null,
        consumerId: whose.consumerId,
        unverified: whose.unverified,
        messageId: mail.messageId,
        inboundMessageId: mail.id,
        category: after?.category,
      },
      actor,
    );
    if (after) {
      for (const [from, to] of [
        [opened, after],
        [after, opened],
      ] as const) {
        if (
          await this.repo.insertLinkOnce({
            ticketId: from.id,
            kind: 'ticket',
            reference: to.reference,
            targetId: to.id,
            createdBy: actor.label,
          })
        )
          await this.events.record(from.id, 'linked', actor.label, { kind: 'ticket', reference: to.reference });
      }
    }
    return { accepted: true, summary: `ticket:${opened.reference}` };
  }

  private text(mail: InboundMail) {
    return ticketMailText(mail.subject, mail.text, TICKET_MAIL_TEXTS, TICKET_LIMITS);
  }

  /** The sender when it is an address a ticket can answer; a malformed one is kept on the inbound message only. */
  private sender(mail: InboundMail): string | null {
    const from = mail.from.trim().toLowerCase();
    return isEmailAddress(from) ? from : null;
  }

  private actor(mail: InboundMail): Actor {
    return { kind: 'system', id: null, label: this.sender(mail) ?? 'e-post' };
  }
}
