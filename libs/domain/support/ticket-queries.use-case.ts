import { ChangeRequestQueries } from '@domain/change-requests';
import { FindConsumers, OnboardingActivity } from '@domain/consumers';
import { StaffGroups } from '@domain/identity';
import { CaseActivity } from '@domain/incidents';
import { AccessDenied, type Principal, requireAccess } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@platform/database';

import { InboundMessageRepository } from './inbound/inbound-message.repository';
import { ACTIVE_STATUSES, type TicketStatus } from './rules/ticket-rules';
import { dueTodayCutoff, SLA_TARGET_NAMES, slaTag } from './rules/ticket-sla';
import { TicketAttachmentNotFound, TicketNotFound } from './support.exceptions';
import type { Ticket } from './ticket.entity';
import { type TicketCounts, type TicketFilter, TicketRepository, type TicketSort } from './ticket.repository';
import { type TicketSlaView, type TicketSummary, type TicketView, toLinkView, toMessageView, toTicketSummary } from './ticket.views';
import { TicketEventRepository } from './ticket-event.repository';
import { TicketOwnership } from './ticket-ownership';
import { TicketSlaKeeper } from './ticket-sla-keeper';
import type { LinkedSource, TicketActivity } from './ticket-timeline';

/** What other contexts (inbound e-mail) need to find a ticket a message belongs to. */
export interface TicketRef {
  id: string;
  reference: string;
  consumerId: string | null;
  status: TicketStatus;
  /** The ticket a message to this one lands on when it was merged. */
  mergedIntoId: string | null;
}

const REFERENCE = /\bHV-\d{4}-\d{4,}\b/i;

/**
 * Reading tickets. Staff see every ticket with its internal notes, links and timeline; a
 * consumer sees only its own, with public messages, and another's is "not found".
 */
@Injectable()
export class TicketQueries {
  constructor(
    private readonly repo: TicketRepository,
    private readonly events: TicketEventRepository,
    private readonly access: TicketOwnership,
    private readonly consumers: FindConsumers,
    private readonly sla: TicketSlaKeeper,
    private readonly inbound: InboundMessageRepository,
    private readonly groups: StaffGroups,
    private readonly cases: CaseActivity,
    private readonly onboarding: OnboardingActivity,
    private readonly changeRequests: ChangeRequestQueries,
  ) {}

  async get(id: string, caller: Principal): Promise<TicketView> {
    await requireAccess(this.access, caller, 'ticket.read', [id]);
    const ticket = await this.repo.find(id);
    if (!ticket) throw new TicketNotFound();
    const forStaff = caller.kind === 'staff';
    const messages = await this.repo.messagesOf(ticket.id, forStaff);
    const files = await this.inbound.attachmentsOfMany(messages.map((m) => m.inboundMessageId).filter((id): id is string => !!id));
    const links = forStaff ? await this.repo.linksOf(ticket.id) : [];
    const mergedInto = ticket.mergedIntoId ? await this.repo.find(ticket.mergedIntoId) : null;
    const merged = await this.repo.mergedInto(ticket.id);
    const [summary] = await this.summaries([ticket]);
    return {
      ...summary,
      messages: messages.map((m) =>
        toMessageView(
          m,
          forStaff,
          files
            .filter((f) => f.inboundMessageId === m.inboundMessageId)
            .map((f) => ({ id: f.id, filename: f.filename, contentType: f.contentType, sizeBytes: f.sizeBytes, stored: f.stored })),
        ),
      ),
      links: links.map(toLinkView),
      mergedInto: mergedInto ? { id: mergedInto.id, reference: mergedInto.reference } : null,
      merged: merged.map((m) => ({ id: m.id, reference: m.reference, subject: m.subject })),
    };
  }

  /** Staff: every live ticket matching the filter; a consumer: only its own, whatever the filter says. */
  async list(caller: Principal, filter: TicketFilter, page: PageRequest<TicketSort> = {}, now = new Date()): Promise<Page<TicketSummary>> {
    await requireAccess(this.access, caller, 'ticket.read', []);
    const own = caller.kind === 'consumer' ? { consumerId: caller.consumerId } : {};
    const { groupsOf, ...rest } = filter;
    const groupIds = groupsOf ? await this.groups.idsOf(groupsOf) : undefined;
    // «Bergen» finds Bergen kommune's tickets, as the incident queue's search does.
    const searchConsumerIds = rest.search && caller.kind === 'staff' ? await this.consumers.idsByName(rest.search) : undefined;
    const found = await this.repo.list({ ...rest, ...own, groupIds, searchConsumerIds }, page, this.dueTodayBefore(now));
    return { items: await this.summaries(found.items), total: found.total };
  }

  /** The saved views' counts for a staff member: live tickets by status, theirs, unassigned, in their groups, per group and per service. */
  async counts(caller: Principal, now = new Date()): Promise<TicketCounts> {
    if (caller.kind !== 'staff') throw new AccessDenied(caller, 'ticket.manage');
    await requireAccess(this.access, caller, 'ticket.read', []);
    return this.repo.counts(caller.id, await this.groups.idsOf(caller.id), ACTIVE_STATUSES, this.dueTodayBefore(now));
  }

  /** Staff: the ticket's SLA clocks as they stand at `now`. */
  async slaOf(id: string, caller: Principal, now = new Date()): Promise<TicketSlaView> {
    if (caller.kind !== 'staff') throw new TicketNotFound();
    await requireAccess(this.access, caller, 'ticket.read', [id]);
    const ticket = await this.repo.find(id);
    if (!ticket) throw new TicketNotFound();
    const clocks = await this.sla.clocksOf(ticket, now);
    const marks = {
      firstResponse: { warnedAt: ticket.slaFirstResponseWarnedAt, breachedAt: ticket.slaFirstResponseBreachedAt },
      resolution: { warnedAt: ticket.slaResolutionWarnedAt, breachedAt: ticket.slaResolutionBreachedAt },
    };
    return {
      tag: slaTag(clocks),
      clocks: SLA_TARGET_NAMES.map((target) => ({
        target,
        state: clocks[target].state,
        targetMillis: clocks[target].targetMillis,
        remainingMillis: clocks[target].remainingMillis,
        dueAt: clocks[target].dueAt,
        ...marks[target],
      })),
    };
  }

  private dueTodayBefore(now: Date): Date {
    return dueTodayCutoff(this.sla.calendar.closingOn(now), now);
  }

  /**
   * Staff: one activity timeline, oldest first: the ticket's own events interleaved with what
   * happened on the reports, incidents, onboarding and change requests it is linked to now, each
   * read through its own context (which hides a security case's content from those who may not
   * read it).
   */
  async timeline(id: string, caller: Principal): Promise<TicketActivity[]> {
    if (caller.kind !== 'staff') throw new TicketNotFound();
    await requireAccess(this.access, caller, 'ticket.read', [id]);
    if (!(await this.repo.find(id))) throw new TicketNotFound();
    const own: TicketActivity[] = (await this.events.ofTicket(id)).map((event) => ({ source: 'ticket', at: event.at, event }));
    const linked: TicketActivity[] = [];
    // One after the other: inside a transaction they share one connection.
    for (const l of await this.repo.linksOf(id)) {
      if (l.kind === 'ticket') continue;
      const link: LinkedSource = { kind: l.kind, reference: l.reference, targetId: l.targetId };
      switch (l.kind) {
        case 'report':
        case 'incident': {
          const entries =
            l.kind === 'report' ? await this.cases.ofReport(l.targetId, caller) : await this.cases.ofIncident(l.targetId, caller);
          for (const entry of entries) linked.push({ source: l.kind, at: entry.at, link, entry });
          break;
        }
        case 'onboarding':
          for (const entry of await this.onboarding.of(l.targetId, caller))
            linked.push({ source: 'onboarding', at: entry.at, link, entry });
          break;
        case 'change_request':
          for (const entry of await this.changeRequests.history(l.targetId, caller))
            linked.push({ source: 'change_request', at: entry.at, link, entry });
          break;
      }
    }
    // Stable: at the same instant the ticket's own event comes first, then the links in their order.
    return [...own, ...linked].sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  /** Staff: a stored attachment of an e-mail on the ticket, with its content; one over the size limit or elsewhere is not found. */
  async attachment(
    ticketId: string,
    attachmentId: string,
    caller: Principal,
  ): Promise<{ filename: string | null; contentType: string; content: Buffer }> {
    if (caller.kind !== 'staff') throw new TicketNotFound();
    await requireAccess(this.access, caller, 'ticket.read', [ticketId]);
    const file = await this.inbound.attachmentWithContent(attachmentId);
    const onTicket = file && (await this.repo.messagesOf(ticketId, true)).some((m) => m.inboundMessageId === file.inboundMessageId);
    if (!file || !onTicket || !file.content) throw new TicketAttachmentNotFound();
    return { filename: file.filename, contentType: file.contentType, content: file.content };
  }

  /** A token that changes whenever a ticket list could have changed (live updates of open lists compare it). */
  listVersion(): Promise<string> {
    return this.repo.version();
  }

  /** A ticket by its reference (HV-2026-0012), or by one found in a text such as an e-mail's subject. */
  async byReference(referenceOrText: string): Promise<TicketRef | null> {
    const reference = REFERENCE.exec(referenceOrText ?? '')?.[0].toUpperCase();
    return reference ? ref(await this.repo.findByReference(reference)) : null;
  }

  /** Staff: the id of the ticket with exactly this reference; none is "not found". */
  async idOf(reference: string): Promise<string> {
    const ticket = /^HV-\d{4}-\d{4,}$/i.test(reference) ? await this.repo.findByReference(reference.toUpperCase()) : null;
    if (!ticket) throw new TicketNotFound();
    return ticket.id;
  }

  /** The ticket whose e-mail thread holds this Message-ID (an answer's In-Reply-To or References). */
  async byMessageId(messageId: string): Promise<TicketRef | null> {
    return messageId ? ref(await this.repo.findByMessageId(messageId.trim())) : null;
  }

  private async summaries(tickets: Ticket[]): Promise<TicketSummary[]> {
    const ids = tickets.map((t) => t.consumerId).filter((id): id is string => id !== null);
    const names = new Map((await this.consumers.byIds(ids)).map((c) => [c.id, c.name]));
    const groupNames = await this.groups.names(tickets.map((t) => t.groupId).filter((id): id is string => id !== null));
    return tickets.map((t) =>
      toTicketSummary(t, t.consumerId ? (names.get(t.consumerId) ?? null) : null, t.groupId ? (groupNames.get(t.groupId) ?? null) : null),
    );
  }
}

function ref(t: Ticket | null): TicketRef | null {
  return t ? { id: t.id, reference: t.reference, consumerId: t.consumerId, status: t.status, mergedIntoId: t.mergedIntoId } : null;
}
