import { RecordAudit } from '@domain/audit';
import { FindServicesInForce } from '@domain/catalogue';
import { FindConsumers } from '@domain/consumers';
import { StaffGroups } from '@domain/identity';
import { NotifyStaff } from '@domain/notifications';
import { type Actor, actorOf, type Principal, ReferenceSequence, requireAccess } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { type FieldError, ValidationFailed } from '@platform/errors';

import { TICKET_CATEGORIES, TICKET_PRIORITIES, type TicketCategory, type TicketChannel, type TicketPriority } from './rules/ticket-rules';
import { UnknownTicketConsumer, UnknownTicketService } from './support.exceptions';
import { TicketRepository } from './ticket.repository';
import { TicketEventRepository } from './ticket-event.repository';
import { TicketOwnership } from './ticket-ownership';
import { TicketSlaKeeper } from './ticket-sla-keeper';
import { checkTicketText, cleanTicketText, isEmailAddress, TICKET_LIMITS } from './ticket-text';

/** What a caller asks; the channel and the consumer come from who asks (see `forCaller`). */
export interface TicketQuestion {
  subject: string;
  body: string;
  category?: TicketCategory;
  service?: string | null;
  priority?: TicketPriority;
  requesterName?: string | null;
  requesterEmail?: string | null;
  /** Staff opening a ticket on behalf of a caller: the caller's organisation. */
  consumerId?: string | null;
}

export interface OpenTicketInput extends TicketQuestion {
  channel: TicketChannel;
  /** E-mail: the sender, who is also the requester. */
  fromAddress?: string | null;
  /** E-mail: the Message-ID it arrived with; KS's answers reply to it. */
  messageId?: string | null;
  /** E-mail: the stored inbound message (its attachments). */
  inboundMessageId?: string | null;
  /** E-mail: the sender is not tied to exactly one consumer. */
  unverified?: boolean;
}

export interface OpenedTicket {
  id: string;
  reference: string;
}

/**
 * Opens a ticket with its question as the first public message, in one transaction with its
 * reference (HV-2026-0001), its timeline's first event and, for staff, the audit entry. It goes to
 * the assignment group that handles its category (none when no group does), whose members hear of it.
 * Identity numbers are masked in the subject and the question before anything is stored.
 */
@Injectable()
export class OpenTicket {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: TicketRepository,
    private readonly events: TicketEventRepository,
    private readonly access: TicketOwnership,
    private readonly consumers: FindConsumers,
    private readonly catalogue: FindServicesInForce,
    private readonly references: ReferenceSequence,
    private readonly audit: RecordAudit,
    private readonly sla: TicketSlaKeeper,
    private readonly groups: StaffGroups,
    private readonly notify: NotifyStaff,
  ) {}

  /** A consumer asks for itself (API or portal); staff ask on behalf of a caller, naming its consumer if any. */
  async forCaller(caller: Principal, question: TicketQuestion, ip?: string | null): Promise<OpenedTicket> {
    await requireAccess(this.access, caller, 'ticket.open', []);
    if (caller.kind === 'consumer')
      return this.execute(
        {
          ...question,
          // KS decides how urgent a ticket is; a consumer asks only for itself.
          priority: undefined,
          consumerId: caller.consumerId,
          requesterEmail: question.requesterEmail ?? caller.email ?? null,
          channel: caller.via === 'portal-session' ? 'portal' : 'api',
        },
        actorOf(caller, ip),
      );
    return this.execute({ ...question, channel: 'staff' }, actorOf(caller, ip));
  }

  /** Any channel; inbound e-mail calls this with `channel: 'email'`, its sender and Message-ID. */
  async execute(input: OpenTicketInput, actor: Actor): Promise<OpenedTicket> {
    const errors: FieldError[] = checkTicketText({ subject: input.subject, body: input.body });
    const category = input.category ?? 'other';
    if (!(TICKET_CATEGORIES as readonly string[]).includes(category))
      errors.push({ field: 'category', message: `must be one of ${TICKET_CATEGORIES.join(', ')}` });
    const priority = input.priority ?? 'normal';
    if (!(TICKET_PRIORITIES as readonly string[]).includes(priority))
      errors.push({ field: 'priority', message: `must be one of ${TICKET_PRIORITIES.join(', ')}` });
    const requesterEmail = (input.channel === 'email' ? input.fromAddress : input.requesterEmail)?.trim().toLowerCase() || null;
    if (requesterEmail && !isEmailAddress(requesterEmail))
      errors.push({ field: input.channel === 'email' ? 'fromAddress' : 'requesterEmail', message: 'must be an e-mail address' });
    const requesterName = input.requesterName?.trim() ? cleanTicketText(input.requesterName) : null;
    if (requesterName && requesterName.length > TICKET_LIMITS.requesterName)
      errors.push({ field: 'requesterName', message: `must be at most ${TICKET_LIMITS.requesterName} characters` });
    if (errors.length) throw new ValidationFailed(errors);
    const consumerId = input.consumerId || null;
    const consumer = consumerId ? await this.consumers.byId(consumerId) : null;
    if (consumerId && !consumer) throw new UnknownTicketConsumer();
    const service = input.service?.trim() || null;
    if (service && !(await this.catalogue.execute([service])).length) throw new UnknownTicketService(service);

    return this.db.transaction(async () => {
      const now = new Date();
      const group = await this.groups.forCategory(category);
      const ticket = await this.repo.insert({
        reference: await this.references.next('ticket', now),
        consumerId,
        requesterName,
        requesterEmail,
        subject: cleanTicketText(input.subject),
        category,
        serviceCode: service,
        priority,
        status: 'new',
        channel: input.channel,
        threadMessageId: input.messageId ?? null,
        unverified: input.unverified ?? false,
        groupId: group?.id ?? null,
        lastMessageAt: now,
        createdBy: actor.label,
      });
      const message = await this.repo.insertMessage({
        ticketId: ticket.id,
        visibility: 'public',
        author: 'requester',
        authorLabel: requesterLabel(input.channel, actor, { requesterName, requesterEmail, consumerName: consumer?.name ?? null }),
        channel: input.channel,
        fromAddress: input.channel === 'email' ? requesterEmail : null,
        body: cleanTicketText(input.body),
        messageId: input.messageId ?? null,
        inboundMessageId: input.inboundMessageId ?? null,
      });
      await this.events.record(ticket.id, 'opened', actor.label, { channel: input.channel, status: 'new' });
      await this.events.record(ticket.id, 'message_added', actor.label, {
        message: message.id,
        visibility: 'public',
        author: 'requester',
        channel: input.channel,
        emailed: 0,
      });
      if (group) {
        await this.events.record(ticket.id, 'group_set', actor.label, { from: null, to: group.name, routed: true });
        const members = (await this.groups.activeMembers(group.id)).map((m) => m.id).filter((id) => actor.id !== id);
        await this.notify.execute(
          { staffIds: members },
          { kind: 'ticket.group_assigned', reference: ticket.reference, title: ticket.subject, link: `/tickets/${ticket.id}` },
        );
      }
      await this.sla.refresh(ticket.id, now);
      if (actor.kind === 'staff')
        await this.audit.execute({
          actor,
          action: 'ticket.opened',
          objectType: 'ticket',
          objectId: ticket.id,
          after: { reference: ticket.reference, consumerId, category, service, group: group?.id ?? null },
        });
      return { id: ticket.id, reference: ticket.reference };
    });
  }
}

/**
 * Who wrote the question, as the conversation names it: the sender of an e-mail; for a question
 * staff took down, the caller (by name, else address), else their municipality, never the staff
 * member (the municipality reads the conversation in the portal); the signed-in contact otherwise.
 */
function requesterLabel(
  channel: TicketChannel,
  actor: Actor,
  requester: { requesterName: string | null; requesterEmail: string | null; consumerName: string | null },
): string {
  if (channel === 'email') return requester.requesterEmail ?? actor.label;
  if (channel === 'staff') return requester.requesterName ?? requester.requesterEmail ?? requester.consumerName ?? actor.label;
  return actor.label;
}
