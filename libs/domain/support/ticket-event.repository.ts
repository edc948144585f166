import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import type { SlaStatusChange } from './rules/sla-clock';
import { TicketEvent } from './ticket-event.entity';
import type { TicketEventDetails, TicketEventKind, TicketTimelineEvent } from './ticket-timeline';

/** The tickets' timelines. */
@Injectable()
export class TicketEventRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** The one way an event enters a timeline: its details must be those of its kind. */
  async record<K extends TicketEventKind>(ticketId: string, kind: K, actorLabel: string, details: TicketEventDetails[K]): Promise<void> {
    // TypeORM's partial-entity type allows no null inside a JSON column; the column takes any JSON.
    await this.db.repository(TicketEvent).insert({ ticketId, kind, actorLabel, details: details as never });
  }

  /** Oldest first. Every row was written by `record`, so its details are those of its kind. */
  async ofTicket(ticketId: string): Promise<TicketTimelineEvent[]> {
    const rows = await this.db.repository(TicketEvent).find({ where: { ticketId }, order: { at: 'ASC', id: 'ASC' } });
    return rows as TicketTimelineEvent[];
  }

  /** The statuses the ticket has had with their times, starting with the one it was opened in: what its SLA clocks replay. */
  async statusHistory(ticketId: string): Promise<SlaStatusChange[]> {
    const rows: Array<{ status: string; at: Date }> = await this.db.manager.query(
      `SELECT CASE kind WHEN 'opened' THEN details->>'status' ELSE details->>'to' END AS status, at
       FROM ticket_event WHERE ticket_id = $1 AND kind IN ('opened', 'status_changed') ORDER BY at, id`,
      [ticketId],
    );
    return rows.map((r) => ({ status: r.status, at: new Date(r.at) }));
  }
}
