import { RecordAudit } from '@domain/audit';
import { ChangeRequestQueries } from '@domain/change-requests';
import { FindConsumers } from '@domain/consumers';
import { IncidentQueries } from '@domain/incidents';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { DomainException, ValidationFailed } from '@platform/errors';

import { TICKET_LINK_KINDS, type TicketLinkKind } from './rules/ticket-rules';
import { LinkTargetNotFound, TicketLinkNotFound, TicketLinkToItself } from './support.exceptions';
import { TicketRepository } from './ticket.repository';
import { TicketEventRepository } from './ticket-event.repository';

/**
 * Links a ticket to a report, incident, onboarding (the consumer's, by organisation number),
 * change request or another ticket by the reference staff know it by; each context says whether it exists.
 */
@Injectable()
export class LinkTicket {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: TicketRepository,
    private readonly events: TicketEventRepository,
    private readonly incidents: IncidentQueries,
    private readonly changeRequests: ChangeRequestQueries,
    private readonly consumers: FindConsumers,
    private readonly audit: RecordAudit,
  ) {}

  async link(ticketId: string, kind: TicketLinkKind, reference: string, actor: Actor): Promise<{ added: boolean }> {
    if (!(TICKET_LINK_KINDS as readonly string[]).includes(kind))
      throw new ValidationFailed([{ field: 'kind', message: `must be one of ${TICKET_LINK_KINDS.join(', ')}` }]);
    const wanted = (reference ?? '').trim().toUpperCase();
    if (!wanted || wanted.length > 64) throw new ValidationFailed([{ field: 'reference', message: 'must name what to link to' }]);
    const targetId = await this.target(kind, wanted);
    return this.db.transaction(async () => {
      const ticket = await this.repo.lockExisting(ticketId);
      if (kind === 'ticket' && targetId === ticket.id) throw new TicketLinkToItself(wanted);
      const added = await this.repo.insertLinkOnce({ ticketId: ticket.id, kind, reference: wanted, targetId, createdBy: actor.label });
      if (!added) return { added };
      await this.events.record(ticket.id, 'linked', actor.label, { kind, reference: wanted });
      await this.audit.execute({
        actor,
        action: 'ticket.linked',
        objectType: 'ticket',
        objectId: ticket.id,
        after: { kind, reference: wanted, targetId },
      });
      return { added };
    });
  }

  async unlink(ticketId: string, linkId: string, actor: Actor): Promise<void> {
    await this.db.transaction(async () => {
      const ticket = await this.repo.lockExisting(ticketId);
      const link = await this.repo.findLink(ticket.id, linkId);
      if (!link) throw new TicketLinkNotFound();
      await this.repo.deleteLink(link.id);
      await this.events.record(ticket.id, 'unlinked', actor.label, { kind: link.kind, reference: link.reference });
      await this.audit.execute({
        actor,
        action: 'ticket.unlinked',
        objectType: 'ticket',
        objectId: ticket.id,
        before: { kind: link.kind, reference: link.reference },
      });
    });
  }

  /** The linked object's id in its own context; one that does not exist names the field. */
  private async target(kind: TicketLinkKind, reference: string): Promise<string> {
    try {
      switch (kind) {
        case 'report':
          return await this.incidents.reportIdOf(reference);
        case 'incident':
          return await this.incidents.idOf(reference);
        case 'change_request':
          return await this.changeRequests.idOf(reference);
        case 'onboarding': {
          const consumer = /^\d{9}$/.test(reference.replace(/\s/g, '')) ? await this.consumers.byOrgNumber(reference) : null;
          if (!consumer) throw new LinkTargetNotFound(kind, reference);
          return consumer.id;
        }
        case 'ticket': {
          const ticket = await this.repo.findByReference(reference);
          if (!ticket) throw new LinkTargetNotFound(kind, reference);
          return ticket.id;
        }
      }
    } catch (e) {
      if (e instanceof DomainException && e.kind === 'not-found') throw new LinkTargetNotFound(kind, reference);
      throw e;
    }
  }
}
