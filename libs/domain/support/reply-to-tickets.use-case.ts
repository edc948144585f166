import { FindConsumers } from '@domain/consumers';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { AddTicketMessage } from './add-ticket-message.use-case';
import { CannedResponseRepository } from './canned-response.repository';
import { ChangeTicketStatus } from './change-ticket-status.use-case';
import { fillPlaceholders, unknownPlaceholders } from './rules/placeholders';
import type { TicketStatus } from './rules/ticket-rules';
import { CannedResponseNotFound, TicketNotFound, UnknownPlaceholders } from './support.exceptions';
import { TicketRepository } from './ticket.repository';

export interface TicketReply {
  /** The answer's text, with placeholders; or take a canned response's. */
  body?: string;
  cannedResponseId?: string;
  /** The status to set after answering; a macro's own status when absent. */
  status?: TicketStatus;
}

/**
 * KS answers one or several tickets in public with the same words, each with its own
 * placeholders filled ({{navn}}, {{referanse}}, {{kommune}}, {{emne}}), and sets a status (a
 * macro): every ticket or none, in one transaction, each answer e-mailed in its own thread.
 */
@Injectable()
export class ReplyToTickets {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: TicketRepository,
    private readonly canned: CannedResponseRepository,
    private readonly consumers: FindConsumers,
    private readonly messages: AddTicketMessage,
    private readonly statuses: ChangeTicketStatus,
  ) {}

  async execute(ids: string[], reply: TicketReply, actor: Actor): Promise<{ replied: number; emailed: number }> {
    if (!ids.length) throw new ValidationFailed([{ field: 'ids', message: 'must name at least one ticket' }]);
    const macro = reply.cannedResponseId ? await this.canned.find(reply.cannedResponseId) : null;
    if (reply.cannedResponseId && !macro) throw new CannedResponseNotFound();
    const text = (reply.body ?? '').trim() || macro?.body || '';
    if (!text) throw new ValidationFailed([{ field: 'body', message: 'must not be empty' }]);
    // A placeholder it cannot fill would reach every municipality as written.
    const unknown = unknownPlaceholders(text);
    if (unknown.length) throw new UnknownPlaceholders(unknown);
    const status = reply.status ?? macro?.setStatus ?? undefined;
    return this.db.transaction(async () => {
      let emailed = 0;
      const unique = [...new Set(ids)].sort();
      for (const id of unique) {
        const ticket = await this.repo.find(id);
        if (!ticket) throw new TicketNotFound();
        const consumer = ticket.consumerId ? await this.consumers.byId(ticket.consumerId) : null;
        const body = fillPlaceholders(text, {
          navn: ticket.requesterName,
          referanse: ticket.reference,
          kommune: consumer?.name ?? null,
          emne: ticket.subject,
        });
        const added = await this.messages.execute({ ticketId: id, body, visibility: 'public', author: 'staff', channel: 'staff' }, actor);
        emailed += added.emailedTo.length;
        if (status) await this.statuses.execute(added.ticketId, status, actor);
      }
      return { replied: unique.length, emailed };
    });
  }
}
