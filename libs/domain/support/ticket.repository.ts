import { Injectable } from '@nestjs/common';
import { countPerOsloWeek, DatabaseContext, orderOf, type Page, type PageRequest, pageWindow, type WeeklyCounts } from '@platform/database';
import { In } from 'typeorm';

import type { TicketCategory, TicketPriority, TicketStatus } from './rules/ticket-rules';
import { TicketNotFound } from './support.exceptions';
import { Ticket } from './ticket.entity';
import { TicketLink } from './ticket-link.entity';
import { TicketMessage } from './ticket-message.entity';

export interface TicketFilter {
  statuses?: TicketStatus[];
  /** A staff id, or 'none' for unassigned tickets. */
  assignee?: string;
  /** An assignment group's id, or 'none' for tickets in no group. */
  group?: string;
  /** A staff id: tickets in any of that staff member's groups («Mine grupper»). */
  groupsOf?: string;
  consumerId?: string;
  serviceCode?: string;
  category?: TicketCategory;
  priority?: TicketPriority;
  tag?: string;
  /** Text in the subject, the reference or the requester's name or e-mail, or the start of a word of the consumer's name. */
  search?: string;
  /** «Brytes i dag»: a clock counting and due before the end of today's business hours, or already past due. */
  dueToday?: boolean;
}

export type TicketSort = 'reference' | 'subject' | 'status' | 'priority' | 'created' | 'updated' | 'due';

const TICKET_ORDER: Record<TicketSort, string> = {
  reference: 't.reference',
  subject: 'lower(t.subject)',
  status: `array_position(ARRAY['new','open','waiting_on_consumer','waiting_on_skatteetaten','resolved','closed'], t.status)`,
  priority: `array_position(ARRAY['urgent','high','normal','low'], t.priority)`,
  created: 't.created_at',
  updated: 't.last_message_at',
  // The earlier of the two clocks; tickets without a running clock last either way.
  due: `coalesce(least(t.sla_first_response_due_at, t.sla_resolution_due_at), 'infinity'::timestamptz)`,
};

/** The earlier due instant of a counting clock before the cut-off; paused and stopped tickets keep none. */
const DUE_BEFORE = `least(sla_first_response_due_at, sla_resolution_due_at) < $DUE`;

/** The filter as the repository applies it: «my groups» already turned into their ids. */
export type TicketListFilter = Omit<TicketFilter, 'groupsOf'> & {
  groupIds?: string[];
  /** The consumers whose name the search names (asked of the consumers' context). */
  searchConsumerIds?: string[];
};

/** Counts of live tickets in KS's saved views. */
export interface TicketCounts {
  byStatus: Array<{ status: TicketStatus; count: number }>;
  mine: number;
  unassigned: number;
  /** «Mine grupper»: in any group of the staff member. */
  myGroups: number;
  /** «Ufordelt i mine grupper»: in those groups with nobody assigned. */
  unassignedInMyGroups: number;
  /** Per group (null: in no group). */
  byGroup: Array<{ groupId: string | null; count: number }>;
  /** «Brytes i dag». */
  dueToday: number;
  byService: Array<{ serviceCode: string | null; count: number }>;
}

const likeAnywhere = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The only database access of tickets, their messages and links. */
@Injectable()
export class TicketRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** Changes whenever a ticket is opened or changed: a cheap check whether open lists need reading again. */
  async version(): Promise<string> {
    const [row] = await this.db.manager.query(`SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '') AS v FROM ticket`);
    return row.v;
  }

  private get tickets() {
    return this.db.repository(Ticket);
  }

  private get messages() {
    return this.db.repository(TicketMessage);
  }

  private get links() {
    return this.db.repository(TicketLink);
  }

  async insert(ticket: Partial<Ticket>): Promise<Ticket> {
    const saved = await this.tickets.save(this.tickets.create(ticket));
    return (await this.find(saved.id))!;
  }

  find(id: string): Promise<Ticket | null> {
    return this.tickets.findOneBy({ id });
  }

  findMany(ids: string[]): Promise<Ticket[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.tickets.findBy({ id: In(ids) });
  }

  findByReference(reference: string): Promise<Ticket | null> {
    return this.tickets.findOneBy({ reference });
  }

  /** The ticket whose thread an e-mail with this Message-ID belongs to (its start or any message on it). */
  async findByMessageId(messageId: string): Promise<Ticket | null> {
    const started = await this.tickets.findOneBy({ threadMessageId: messageId });
    if (started) return started;
    const message = await this.messages.findOne({ select: { ticketId: true }, where: { messageId } });
    return message ? this.find(message.ticketId) : null;
  }

  lock(id: string): Promise<Ticket | null> {
    return this.tickets.createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id }).getOne();
  }

  /** The ticket locked for the rest of the transaction; a missing one is "not found". */
  async lockExisting(id: string): Promise<Ticket> {
    const ticket = await this.lock(id);
    if (!ticket) throw new TicketNotFound();
    return ticket;
  }

  async update(id: string, patch: Partial<Ticket>): Promise<void> {
    await this.tickets.update({ id }, patch);
  }

  /** Live (not merged) tickets matching the filter, one page of them with the count of all. */
  async list(filter: TicketListFilter, page: PageRequest<TicketSort>, dueTodayBefore: Date): Promise<Page<Ticket>> {
    const { limit, offset } = pageWindow(page, 50);
    const order = orderOf(TICKET_ORDER, page, { sort: 'updated', direction: 'desc' });
    const q = this.tickets.createQueryBuilder('t').where('t.merged_into_id IS NULL');
    if (filter.statuses) q.andWhere('t.status IN (:...statuses)', { statuses: filter.statuses.length ? filter.statuses : [''] });
    if (filter.assignee === 'none') q.andWhere('t.assignee_id IS NULL');
    else if (filter.assignee) q.andWhere('t.assignee_id = :assignee', { assignee: filter.assignee });
    if (filter.group === 'none') q.andWhere('t.group_id IS NULL');
    else if (filter.group) q.andWhere('t.group_id = :group', { group: filter.group });
    if (filter.groupIds) q.andWhere('t.group_id = ANY(:groupIds::uuid[])', { groupIds: filter.groupIds });
    if (filter.consumerId) q.andWhere('t.consumer_id = :consumerId', { consumerId: filter.consumerId });
    if (filter.serviceCode === '') q.andWhere('t.service_code IS NULL');
    else if (filter.serviceCode) q.andWhere('t.service_code = :serviceCode', { serviceCode: filter.serviceCode });
    if (filter.category) q.andWhere('t.category = :category', { category: filter.category });
    if (filter.priority) q.andWhere('t.priority = :priority', { priority: filter.priority });
    if (filter.tag) q.andWhere(':tag = ANY(t.tags)', { tag: filter.tag });
    if (filter.dueToday) q.andWhere(DUE_BEFORE.replaceAll('sla_', 't.sla_').replace('$DUE', ':dueBefore'), { dueBefore: dueTodayBefore });
    if (filter.search)
      q.andWhere(
        `(t.subject ILIKE :search ESCAPE '\\' OR t.reference ILIKE :search ESCAPE '\\' OR t.requester_name ILIKE :search ESCAPE '\\'
          OR t.requester_email ILIKE :search ESCAPE '\\' OR t.consumer_id = ANY(:searchConsumerIds::uuid[]))`,
        { search: likeAnywhere(filter.search), searchConsumerIds: filter.searchConsumerIds ?? [] },
      );
    const [items, total] = await q
      .orderBy(order.expression, order.direction)
      .addOrderBy('t.created_at', 'DESC')
      .addOrderBy('t.id')
      .limit(limit)
      .offset(offset)
      .getManyAndCount();
    return { items, total };
  }

  /** The counts the saved views show, over live tickets in the given statuses. */
  async counts(staffId: string, groupIds: string[], statuses: readonly TicketStatus[], dueTodayBefore: Date): Promise<TicketCounts> {
    const live = `merged_into_id IS NULL AND status = ANY($1::text[])`;
    const byStatus: Array<{ status: TicketStatus; count: number }> = await this.db.manager.query(
      `SELECT status, count(*)::int AS count FROM ticket WHERE merged_into_id IS NULL GROUP BY status`,
    );
    const [{ mine, unassigned, due_today, my_groups, unassigned_in_my_groups }] = await this.db.manager.query(
      `SELECT count(*) FILTER (WHERE assignee_id = $2)::int AS mine, count(*) FILTER (WHERE assignee_id IS NULL)::int AS unassigned,
              count(*) FILTER (WHERE ${DUE_BEFORE.replace('$DUE', '$3')})::int AS due_today,
              count(*) FILTER (WHERE group_id = ANY($4::uuid[]))::int AS my_groups,
              count(*) FILTER (WHERE group_id = ANY($4::uuid[]) AND assignee_id IS NULL)::int AS unassigned_in_my_groups
       FROM ticket WHERE ${live}`,
      [statuses, staffId, dueTodayBefore, groupIds],
    );
    const byGroup: Array<{ group_id: string | null; count: number }> = await this.db.manager.query(
      `SELECT group_id, count(*)::int AS count FROM ticket WHERE ${live} GROUP BY group_id`,
      [statuses],
    );
    const byService: Array<{ service_code: string | null; count: number }> = await this.db.manager.query(
      `SELECT service_code, count(*)::int AS count FROM ticket WHERE ${live} GROUP BY service_code ORDER BY service_code NULLS LAST`,
      [statuses],
    );
    return {
      byStatus,
      mine,
      unassigned,
      myGroups: my_groups,
      unassignedInMyGroups: unassigned_in_my_groups,
      byGroup: byGroup.map((r) => ({ groupId: r.group_id, count: r.count })),
      dueToday: due_today,
      byService: byService.map((r) => ({ serviceCode: r.service_code, count: r.count })),
    };
  }

  /**
   * Up to `limit` live tickets with a warning or a due instant passed and not yet acted on,
   * locked for the transaction; those another worker holds are skipped, so each is handled once.
   */
  async claimSlaDue(now: Date, limit: number): Promise<Ticket[]> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `SELECT id FROM ticket
       WHERE merged_into_id IS NULL
         AND (sla_warn_at <= $1
           OR (sla_first_response_due_at <= $1 AND sla_first_response_breached_at IS NULL)
           OR (sla_resolution_due_at <= $1 AND sla_resolution_breached_at IS NULL))
       ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return this.findMany(rows.map((r) => r.id));
  }

  /** Live tickets not resolved or closed: those whose clocks may still move. */
  async idsOfLiveUnresolved(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `SELECT id FROM ticket WHERE merged_into_id IS NULL AND status NOT IN ('resolved', 'closed') ORDER BY id`,
    );
    return rows.map((r) => r.id);
  }

  /** Live tickets opened per Norwegian week, by service ('-' for none) or category. */
  perWeek(by: 'service' | 'category', until: Date, weeks: number): Promise<WeeklyCounts> {
    const key = by === 'service' ? `coalesce(service_code, '-')` : 'category';
    return countPerOsloWeek(
      this.db.manager,
      { sql: `SELECT created_at AS at, ${key} AS key FROM ticket WHERE merged_into_id IS NULL`, params: [] },
      until,
      weeks,
    );
  }

  /** Live tickets in the statuses, by status and whole days since opening at `at`. */
  openDays(statuses: readonly TicketStatus[], at: Date): Promise<Array<{ status: TicketStatus; days: number; count: number }>> {
    return this.db.manager.query(
      `SELECT status, greatest(floor(extract(epoch FROM ($2::timestamptz - created_at)) / 86400), 0)::int AS days, count(*)::int AS count
       FROM ticket WHERE status = ANY($1::text[]) AND merged_into_id IS NULL GROUP BY 1, 2`,
      [statuses, at],
    );
  }

  /** Live tickets first answered or resolved since `from`: whose clocks stopped in that time. */
  stoppedSince(from: Date): Promise<Ticket[]> {
    return this.tickets
      .createQueryBuilder('t')
      .where('t.merged_into_id IS NULL')
      .andWhere('(t.first_response_at >= :from OR t.resolved_at >= :from)', { from })
      .getMany();
  }

  async insertMessage(message: Partial<TicketMessage>): Promise<TicketMessage> {
    return this.messages.save(this.messages.create(message));
  }

  /** Oldest first; only public ones unless internal notes are wanted. */
  messagesOf(ticketId: string, withInternal: boolean): Promise<TicketMessage[]> {
    return this.messages.find({
      where: { ticketId, ...(withInternal ? {} : { visibility: 'public' as const }) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The Message-IDs of the ticket's e-mails, oldest first: what a new e-mail's References carry. */
  async threadIds(ticketId: string): Promise<string[]> {
    const rows = await this.messages
      .createQueryBuilder('m')
      .select('m.message_id', 'messageId')
      .where('m.ticket_id = :ticketId AND m.message_id IS NOT NULL', { ticketId })
      .orderBy('m.created_at', 'ASC')
      .getRawMany<{ messageId: string }>();
    return rows.map((r) => r.messageId);
  }

  async setMessageId(messageId: string, emailMessageId: string): Promise<void> {
    await this.messages.update({ id: messageId }, { messageId: emailMessageId });
  }

  /** Moves every message of one ticket to another, remembering where each came from. */
  async moveMessages(fromTicketId: string, toTicketId: string): Promise<number> {
    const moved = await this.messages.update({ ticketId: fromTicketId }, { ticketId: toTicketId, movedFromTicketId: fromTicketId });
    return moved.affected ?? 0;
  }

  /** Moves back exactly the messages a merge moved. */
  async moveMessagesBack(fromTicketId: string, onTicketId: string): Promise<number> {
    const moved = await this.messages.update(
      { ticketId: onTicketId, movedFromTicketId: fromTicketId },
      { ticketId: fromTicketId, movedFromTicketId: null },
    );
    return moved.affected ?? 0;
  }

  mergedInto(id: string): Promise<Ticket[]> {
    return this.tickets.find({ where: { mergedIntoId: id }, order: { createdAt: 'ASC' } });
  }

  linksOf(ticketId: string): Promise<TicketLink[]> {
    return this.links.find({ where: { ticketId }, order: { createdAt: 'ASC' } });
  }

  /** Adds the link unless the ticket has it already. */
  async insertLinkOnce(link: Pick<TicketLink, 'ticketId' | 'kind' | 'reference' | 'targetId' | 'createdBy'>): Promise<boolean> {
    const inserted: unknown[] = await this.db.manager.query(
      `INSERT INTO ticket_link (ticket_id, kind, reference, target_id, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (ticket_id, kind, target_id) DO NOTHING RETURNING id`,
      [link.ticketId, link.kind, link.reference, link.targetId, link.createdBy],
    );
    return inserted.length > 0;
  }

  findLink(ticketId: string, linkId: string): Promise<TicketLink | null> {
    return this.links.findOneBy({ ticketId, id: linkId });
  }

  async deleteLink(id: string): Promise<void> {
    await this.links.delete({ id });
  }

  /** Of these tickets, those that belong to the consumer. */
  async ownedBy(consumerId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.tickets.find({ select: { id: true }, where: { consumerId, id: In(ids) } });
    return new Set(rows.map((r) => r.id));
  }
}
