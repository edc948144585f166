import { Injectable } from '@nestjs/common';
import { countPerOsloWeek, DatabaseContext, type WeeklyCounts } from '@platform/database';

import { Escalation } from './escalation.entity';
import { Incident } from './incident.entity';
import { automaticUpdatesAllowedSql } from './rules/incident-visibility';

/**
 * What a message in the thread has read of the incident's reports, taken before it is drafted: the
 * database's snapshot, and the newest creation instant then (the watermark for reports stored
 * before reports kept their transaction). PostgreSQL's text for both, which a JavaScript Date
 * would round.
 */
export interface ToldMark {
  snapshot: string;
  until: string | null;
}

/** A transaction that stores reports is taken to end within this: older reports are not news by their transaction. */
const LONGEST_REPORT_TRANSACTION = `interval '1 hour'`;

/**
 * In SQL over a report `r`: was its transaction id issued by another database? Reports stored
 * before reports kept their transaction have none, and a report restored from a dump keeps the id
 * its old database gave it, which this one has not issued yet: past the current snapshot's xmax,
 * yet committed (this transaction's own report aside, which is not yet committed).
 */
const foreignTransactionSql = (r: string): string =>
  `(${r}.created_xid IS NULL OR (${r}.created_xid::text::xid8 >= pg_snapshot_xmax(pg_current_snapshot())
     AND ${r}.created_xid::text::xid8 IS DISTINCT FROM pg_current_xact_id_if_assigned()))`;

/**
 * In SQL over a report `r` and its incident's escalation `e`: has Skatteetaten not been told of it?
 * Joined by a merge or a move since (pending), or stored by a transaction the snapshot taken before
 * the thread's last message did not see; a report that committed while a message was drafted is
 * told in the next one, never lost, even if its transaction began before reports the message told.
 * Transaction ids mean something only in the database that issued them: reports with another
 * database's id (foreignTransactionSql), and a snapshot from another database (one restored from a
 * dump issues smaller ids), fall back to the watermark on creation time, and a report from long
 * before the last message is not news by its transaction id.
 */
export const untoldReportSql = (r: string, e: string): string =>
  `(${r}.id = ANY(${e}.pending_report_ids) OR CASE
     WHEN ${e}.told_snapshot IS NULL OR ${foreignTransactionSql(r)}
       OR pg_snapshot_xmax(${e}.told_snapshot::pg_snapshot) > pg_snapshot_xmax(pg_current_snapshot())
     THEN ${r}.created_at > ${e}.reported_until
     ELSE ${r}.created_at > ${e}.last_message_at - ${LONGEST_REPORT_TRANSACTION}
       AND NOT pg_visible_in_snapshot(${r}.created_xid::text::xid8, ${e}.told_snapshot::pg_snapshot) END)`;

/**
 * In SQL over a report `r`: was it stored when `mark` (a ToldMark's snapshot, taken in this
 * transaction; a bound parameter) was taken? A message tells only those, so one committed between
 * the mark and the message's read is left for the next message instead of being told by both.
 * Another database's reports, and reports older than any transaction lasts, were stored before.
 */
export const readByMarkSql = (r: string, mark: string): string =>
  `(${foreignTransactionSql(r)} OR ${r}.created_at <= now() - ${LONGEST_REPORT_TRANSACTION}
     OR pg_visible_in_snapshot(${r}.created_xid::text::xid8, ${mark}::pg_snapshot))`;

/** Escalation threads to Skatteetaten, one per incident. */
@Injectable()
export class EscalationRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** Inserts the thread unless the incident has one; the unique index decides under concurrency. */
  async insertOnce(
    e: Pick<Escalation, 'incidentId' | 'rootMessageId' | 'to' | 'security' | 'escalatedBy' | 'status' | 'sendAfter'>,
  ): Promise<Escalation | null> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `INSERT INTO escalation (incident_id, root_message_id, to_addresses, security, escalated_by, status, send_after, last_message_at, reported_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now(), now()) ON CONFLICT (incident_id) DO NOTHING RETURNING id`,
      [e.incidentId, e.rootMessageId, e.to, e.security, e.escalatedBy, e.status, e.sendAfter],
    );
    return rows.length ? this.db.repository(Escalation).findOneByOrFail({ id: rows[0].id }) : null;
  }

  /** What a message drafted from here on in this transaction reads of the incident's reports (untoldReportSql). */
  async toldMark(incidentId: string): Promise<ToldMark> {
    const [row] = await this.db.manager.query(
      `SELECT pg_current_snapshot()::text AS snapshot, (SELECT max(created_at)::text FROM report WHERE incident_id = $1) AS until`,
      [incidentId],
    );
    return { snapshot: row.snapshot, until: row.until ?? null };
  }

  /** The first message is in the outbox: from now on the reports it did not read (`told`) are follow-ups. */
  async markSent(id: string, to: string[], security: boolean, told: ToldMark): Promise<Escalation> {
    await this.db.manager.query(
      `UPDATE escalation SET status = 'sent', to_addresses = $2, security = $3, last_message_at = now(),
         reported_until = coalesce($4::timestamptz, now()), told_snapshot = $5, pending_report_ids = '{}' WHERE id = $1`,
      [id, to, security, told.until, told.snapshot],
    );
    return this.db.repository(Escalation).findOneByOrFail({ id });
  }

  /**
   * The incident's thread is now another one, whose first message is in the outbox: later messages
   * answer it and go to its recipients; the reports it read (`told`, as in markSent) were told in
   * it. The count of updates goes on, as each update's e-mail is keyed by it.
   */
  async startNewThread(
    id: string,
    thread: { rootMessageId: string; to: string[]; security: boolean; told: ToldMark },
  ): Promise<Escalation> {
    await this.db.manager.query(
      `UPDATE escalation SET root_message_id = $2, to_addresses = $3, security = $4, last_message_at = now(),
         reported_until = coalesce($5::timestamptz, now()), told_snapshot = $6, pending_report_ids = '{}' WHERE id = $1`,
      [id, thread.rootMessageId, thread.to, thread.security, thread.told.until, thread.told.snapshot],
    );
    return this.db.repository(Escalation).findOneByOrFail({ id });
  }

  /** Pending escalations whose settle period is over, oldest first. */
  dueToSend(now: Date, limit = 20): Promise<Escalation[]> {
    return this.db
      .repository(Escalation)
      .createQueryBuilder('e')
      .where(`e.status = 'pending' AND e.send_after <= :now`, { now })
      .orderBy('e.send_after', 'ASC')
      .limit(limit)
      .getMany();
  }

  lock(id: string): Promise<Escalation | null> {
    return this.db.repository(Escalation).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id }).getOne();
  }

  ofIncident(incidentId: string): Promise<Escalation | null> {
    return this.db.repository(Escalation).findOneBy({ incidentId });
  }

  async delete(id: string): Promise<void> {
    await this.db.repository(Escalation).delete({ id });
  }

  async moveToIncident(fromIncidentId: string, toIncidentId: string): Promise<void> {
    await this.db.repository(Escalation).update({ incidentId: fromIncidentId }, { incidentId: toIncidentId });
  }

  /** Adds addresses to the thread's recipients (compared without case), keeping those it has. */
  async addRecipients(id: string, addresses: string[]): Promise<void> {
    await this.db.manager.query(
      `UPDATE escalation SET to_addresses = to_addresses || ARRAY(
         SELECT a FROM unnest($2::text[]) a WHERE lower(a) <> ALL (SELECT lower(t) FROM unnest(to_addresses) t)) WHERE id = $1`,
      [id, addresses],
    );
  }

  /** Marks reports that joined an escalated incident by a merge, so the next follow-up tells of them. */
  async addPendingReports(incidentId: string, reportIds: string[]): Promise<void> {
    if (!reportIds.length) return;
    await this.db.manager.query(
      `UPDATE escalation SET pending_report_ids = ARRAY(SELECT DISTINCT unnest(pending_report_ids || $2::uuid[])) WHERE incident_id = $1`,
      [incidentId, reportIds],
    );
  }

  /**
   * Escalations with reports newer than what Skatteetaten was told, and quiet for the digest
   * interval, whose threads may carry automatic updates (automaticUpdatesAllowed).
   */
  async dueForFollowUp(quietSince: Date): Promise<Escalation[]> {
    return this.db
      .repository(Escalation)
      .createQueryBuilder('e')
      .innerJoin(Incident, 'i', 'i.id = e.incident_id AND i.merged_into_id IS NULL')
      .where(`e.status = 'sent'`)
      .andWhere(automaticUpdatesAllowedSql('i', 'e'))
      .andWhere('e.last_message_at <= :quietSince', { quietSince })
      .andWhere(`i.status NOT IN ('resolved', 'closed')`)
      .andWhere(`EXISTS (SELECT 1 FROM report r WHERE r.incident_id = e.incident_id AND ${untoldReportSql('r', 'e')})`)
      .getMany();
  }

  /**
   * An update told these reports, read after `told` was taken. The watermark is computed in SQL:
   * created_at has microseconds, which a JavaScript Date would round away.
   */
  async markFollowUpSent(escalationId: string, reportIds: string[], told: ToldMark): Promise<void> {
    await this.db.manager.query(
      `UPDATE escalation SET last_message_at = now(), followup_count = followup_count + 1,
         reported_until = GREATEST(reported_until, (SELECT max(created_at) FROM report WHERE id = ANY($2::uuid[]))),
         told_snapshot = $3,
         pending_report_ids = ARRAY(SELECT unnest(pending_report_ids) EXCEPT SELECT unnest($2::uuid[]))
       WHERE id = $1`,
      [escalationId, reportIds, told.snapshot],
    );
  }

  /** Escalations started per Norwegian week, ordinary and security apart (keys 'ordinary', 'security'). */
  perWeek(until: Date, weeks: number): Promise<WeeklyCounts> {
    const sql = `SELECT created_at AS at, CASE WHEN security THEN 'security' ELSE 'ordinary' END AS key FROM escalation`;
    return countPerOsloWeek(this.db.manager, { sql, params: [] }, until, weeks);
  }
}
