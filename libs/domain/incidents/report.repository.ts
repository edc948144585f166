import { nextReferenceSql } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { countPerOsloWeek, DatabaseContext, StatementBatch, violatesUniqueKeyOf, type WeeklyCounts } from '@platform/database';
import { type NewOutboxMessage, outboxInsertSql } from '@platform/mail';
import { In } from 'typeorm';

import { Escalation } from './escalation.entity';
import { readByMarkSql, type ToldMark, untoldReportSql } from './escalation.repository';
import type { IncidentEventDetails } from './incident-timeline';
import { Report } from './report.entity';
import type { ProfileCounts } from './rules/incident-profile';
import { restrictedSql, SECURITY_CATEGORIES } from './rules/incident-visibility';

export interface IncidentStats {
  reportCount: number;
  consumerCount: number;
  consumerIds: string[];
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
  correlationIds: string[];
  errorCodes: string[];
  hasSecurityReports: boolean;
}

export interface ReportSearchRow {
  id: string;
  reference: string;
  title: string;
  consumerId: string;
  /** The incident that holds the report now (after merges). */
  incidentId: string;
  receivedAt: Date;
  total: number;
}

/** One consumer's share of an incident. */
export interface ConsumerGroup {
  consumerId: string;
  reports: number;
  firstAt: Date;
  lastAt: Date;
}

/** What reports can be counted by per week: the column of each. */
const WEEKLY_KEYS = { service: 'service', category: 'category' } as const;
export type ReportWeeklyKey = keyof typeof WEEKLY_KEYS;

/** A consumer's share of the incidents still open. */
export interface OpenIssuesOfConsumer {
  consumerId: string;
  incidents: number;
  reports: number;
}

/** What a report received live brings into the statement that stores it. */
export interface ReceivedReportEntries {
  /** the incident timeline's `report_received` entry (the report's id and reference are added) */
  timeline: { actorLabel: string; details: Omit<IncidentEventDetails['report_received'], 'report' | 'reportId'> };
  /**
   * a certain attach's contribution, left pending with the report for
   * `IncidentRepository.foldAttachments` to apply to the incident once the report is committed
   */
  pendingAttachment: ProfileCounts | null;
  /**
   * the receipt to the reporter, stored by the same statement; the rendered message holds
   * `referencePlaceholder` where the report's reference goes, as the statement assigns it
   */
  confirmation?: { message: NewOutboxMessage; referencePlaceholder: string } | null;
  /**
   * Under an Idempotency-Key: the key and its answer, stored with the report (the answer's
   * `reference` and `status` are the stored report's). Nothing is stored when the key is answered
   * already or another request holds it (see the migration IdempotencyKeyLock).
   */
  idempotency?: { consumerId: string; key: string; requestHash: string; answer: object } | null;
}

/** A report received live and what is stored with it. */
export type ReceivedReport = Omit<Report, 'reference' | 'status' | 'pinned' | 'createdAt'>;

interface ReceivedReportRow {
  report: ReceivedReport;
  entries: ReceivedReportEntries;
}

/**
 * The most reports one statement stores. A burst of one outage brings a few to a dozen in a turn;
 * the statement's text differs by the count, and each connection prepares the texts it runs.
 */
const RECEIVED_REPORTS_PER_STATEMENT = 16;

/**
 * The common table expression holding, of the incidents a statement's reports go to, those still
 * open and not merged, each locked FOR KEY SHARE in id order until the statement's transaction
 * ends. An incident is chosen from a read made before the statement; a merge or a resolution that
 * committed since (both lock the incident FOR UPDATE, then move or close its reports) must not be
 * followed by a report stored under it, where no one would count, escalate or close it. One
 * waiting for that lock sees the incident as its holder left it.
 */
const OPEN_INCIDENTS = 'open_incident';

function openIncidentsSql(incidentIds: string[], params: unknown[]): string {
  return `${OPEN_INCIDENTS} AS MATERIALIZED (
     SELECT id FROM incident
     WHERE id = ANY($${params.push(incidentIds)}::uuid[]) AND merged_into_id IS NULL AND status NOT IN ('resolved', 'closed')
     ORDER BY id FOR KEY SHARE)`;
}

/**
 * The common table expressions that store the `n`th report of a statement (`rn` returns it),
 * its parameters appended to `params`. The report is stored only when its incident is among
 * `OPEN_INCIDENTS`.
 */
function receivedReportSql({ report, entries }: ReceivedReportRow, n: number, params: unknown[]): string {
  const columns: Array<[string, unknown]> = [
    ['id', report.id],
    ['consumer_id', report.consumerId],
    ['incident_id', report.incidentId],
    ['channel', report.channel],
    ['service', report.service],
    ['environment', report.environment],
    ['category', report.category],
    ['title', report.title],
    ['description', report.description],
    ['occurred_at', report.occurredAt],
    ['received_at', report.receivedAt],
    ['http_status', report.httpStatus],
    ['error_code', report.errorCode],
    ['correlation_id', report.correlationId],
    ['has_worked_before', report.hasWorkedBefore],
    ['vendor_involved', report.vendorInvolved],
    ['vendor_organisation_number', report.vendorOrganisationNumber],
    ['vendor_name', report.vendorName],
    ['reporter_name', report.reporterName],
    ['reporter_email', report.reporterEmail],
    ['personal_data_masked', report.personalDataMasked],
    ['personal_data_sealed', report.personalDataSealed],
    ['match', JSON.stringify(report.match)],
    ['features', report.features],
    ['suggested_articles', report.suggestedArticles],
    ['known_issue', report.knownIssue === null ? null : JSON.stringify(report.knownIssue)],
  ];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const r = `r${n}`;
  const values = `${nextReferenceSql('report', report.receivedAt)}, ${columns.map(([, value]) => bind(value)).join(', ')}`;
  const key = entries.idempotency;
  const keyOf = key && { consumer: `${bind(key.consumerId)}::uuid`, key: bind(key.key) };
  const conditions = [`EXISTS (SELECT 1 FROM ${OPEN_INCIDENTS} o WHERE o.id = ${bind(report.incidentId)}::uuid)`];
  if (keyOf)
    // Never waits on a key held uncommitted: whoever writes a key holds its lock first.
    conditions.push(
      `pg_try_advisory_xact_lock(idempotency_key_lock(${keyOf.consumer}, ${keyOf.key}))`,
      `NOT EXISTS (SELECT 1 FROM idempotency_record WHERE consumer_id = ${keyOf.consumer} AND key = ${keyOf.key})`,
    );
  const ctes = [
    `${r} AS (
       INSERT INTO report (reference, ${columns.map(([name]) => name).join(', ')})
       SELECT ${values} WHERE ${conditions.join(' AND ')}
       RETURNING id, reference, incident_id, status, pinned, created_at)`,
    `e${n} AS (
       INSERT INTO incident_event (incident_id, kind, actor_label, details)
       SELECT incident_id, 'report_received', ${bind(entries.timeline.actorLabel)}, jsonb_build_object('report', reference, 'reportId', id) || ${bind(JSON.stringify(entries.timeline.details))}::jsonb FROM ${r})`,
  ];
  if (entries.pendingAttachment)
    ctes.push(
      `a${n} AS (INSERT INTO incident_pending_attachment (report_id, contribution) SELECT id, ${bind(JSON.stringify(entries.pendingAttachment))}::jsonb FROM ${r})`,
    );
  const confirmation = entries.confirmation;
  if (confirmation)
    ctes.push(
      `o${n} AS (${outboxInsertSql(confirmation.message, params, { from: r, placeholder: confirmation.referencePlaceholder, column: 'reference' })})`,
    );
  if (key && keyOf)
    ctes.push(
      `k${n} AS (
         INSERT INTO idempotency_record (consumer_id, key, request_hash, response_status, response_body)
         SELECT ${keyOf.consumer}, ${keyOf.key}, ${bind(key.requestHash)}, 201,
                ${bind(JSON.stringify(key.answer))}::jsonb || jsonb_build_object('reference', reference, 'status', status)
         FROM ${r})`,
    );
  return ctes.join(',\n');
}

/** Consumers' reports, and what they add up to per incident. */
@Injectable()
export class ReportRepository {
  /** Made at start, so that no request's context goes with a batch (see StatementBatch). */
  private readonly receivedBatch = new StatementBatch<ReceivedReportRow, Report | null>(
    (rows) => this.db.detached(() => this.insertReceivedRows(rows)),
    (row) => this.db.detached(() => this.insertReceivedNow(row)),
    RECEIVED_REPORTS_PER_STATEMENT,
  );

  constructor(private readonly db: DatabaseContext) {}

  insert(report: Partial<Report>): Promise<Report> {
    return this.db.repository(Report).save(this.db.repository(Report).create(report));
  }

  /**
   * Stores a report received live, with its next reference, its timeline entry and, for a certain
   * attach, its attachment to the incident (applied at commit, see the migration
   * IncidentAttachAtCommit) and its receipt, in one statement: intake's round trips to the
   * database are most of what a report costs. The caller gives the report its id, which the
   * receipt's dedupe key names. Outside a transaction the statement is its own, and the reports of
   * concurrent requests received in the same turn share it (`StatementBatch`). Null, with nothing
   * stored, when the report's Idempotency-Key (`entries.idempotency`) is answered or held already,
   * or when its incident was merged, resolved or closed since it was read (see `OPEN_INCIDENTS`).
   */
  insertReceived(report: ReceivedReport, entries: ReceivedReportEntries): Promise<Report | null> {
    if (this.db.inTransaction) return this.insertReceivedNow({ report, entries });
    return this.receivedBatch.submit({ report, entries });
  }

  private async insertReceivedNow(row: ReceivedReportRow): Promise<Report | null> {
    try {
      const [report] = await this.insertReceivedRows([row]);
      return report;
    } catch (error) {
      // The key's answer was committed after the statement began: this report is not stored.
      if (row.entries.idempotency && violatesUniqueKeyOf(error, 'idempotency_record')) return null;
      throw error;
    }
  }

  private async insertReceivedRows(rows: ReceivedReportRow[]): Promise<Array<Report | null>> {
    // A copy of a request sent again at once, under the same key, is stored by no statement that
    // stores the first: the key's second insert would fail the whole statement. It is left to the
    // claim, which finds the first one's answer once the statement is committed.
    const keys = new Set<string>();
    const storing = rows.flatMap(({ entries }, i) => {
      const key = entries.idempotency && JSON.stringify([entries.idempotency.consumerId, entries.idempotency.key]);
      if (!key) return [i];
      if (keys.has(key)) return [];
      keys.add(key);
      return [i];
    });
    const params: unknown[] = [];
    const ctes = [
      openIncidentsSql([...new Set(storing.map((i) => rows[i].report.incidentId))], params),
      ...storing.map((i) => receivedReportSql(rows[i], i, params)),
    ];
    const stored: Array<{ i: number; id: string; reference: string; status: Report['status']; pinned: boolean; created_at: Date }> =
      await this.db.manager.query(
        `WITH ${ctes.join(',\n')}
         ${storing.map((i) => `SELECT ${i} AS i, id, reference, status, pinned, created_at FROM r${i}`).join('\nUNION ALL ')}`,
        params,
      );
    const byIndex = new Map(stored.map((s) => [s.i, s]));
    return rows.map(({ report }, i) => {
      const s = byIndex.get(i);
      if (!s) return null;
      return Object.assign(new Report(), report, {
        id: s.id,
        reference: s.reference,
        status: s.status,
        pinned: s.pinned,
        createdAt: s.created_at,
      });
    });
  }

  find(id: string): Promise<Report | null> {
    return this.db.repository(Report).findOneBy({ id });
  }

  findByReference(reference: string): Promise<Report | null> {
    return this.db.repository(Report).findOneBy({ reference });
  }

  async reopen(id: string): Promise<void> {
    await this.db.repository(Report).update(id, { status: 'open' });
  }

  /** The id of a consumer's report by its reference (M-2026-00003); null when it is not theirs. */
  async idOfOwnReference(consumerId: string, reference: string): Promise<string | null> {
    const report = await this.db.repository(Report).findOne({ select: { id: true }, where: { consumerId, reference } });
    return report?.id ?? null;
  }

  /** Reports by Norwegian full text of title and description, by reference, error code or correlation id; newest first among equals. */
  search(text: string, limit: number, withSecurity: boolean): Promise<ReportSearchRow[]> {
    return this.db.manager.query(
      `WITH q AS (SELECT websearch_to_tsquery('norwegian', $1) AS nb, upper($1) AS code)
       SELECT r.id, r.reference, r.title, r.consumer_id AS "consumerId", coalesce(i.merged_into_id, i.id) AS "incidentId",
              r.received_at AS "receivedAt", count(*) OVER ()::int AS total
       FROM report r JOIN incident i ON i.id = r.incident_id, q
       WHERE ($3 OR NOT (${restrictedSql('i')} OR r.category = ANY($4::text[])))
         AND (to_tsvector('norwegian', r.title || ' ' || r.description) @@ q.nb
              OR r.reference = q.code OR upper(r.error_code) = q.code OR r.correlation_id = $1)
       ORDER BY (r.reference = q.code) DESC, ts_rank(to_tsvector('norwegian', r.title || ' ' || r.description), q.nb) DESC, r.received_at DESC
       LIMIT $2`,
      [text, limit, withSecurity, SECURITY_CATEGORIES],
    );
  }

  /** The id of any report by its reference; null when there is none. */
  async idOfReference(reference: string): Promise<string | null> {
    const report = await this.db.repository(Report).findOne({ select: { id: true }, where: { reference } });
    return report?.id ?? null;
  }

  async findSealed(id: string): Promise<string | null> {
    const row = await this.db
      .repository(Report)
      .createQueryBuilder('r')
      .addSelect('r.personal_data_sealed', 'sealed')
      .where('r.id = :id', { id })
      .getRawOne<{ sealed: string | null }>();
    return row?.sealed ?? null;
  }

  ofIncident(incidentId: string, limit = 500, order: 'ASC' | 'DESC' = 'ASC'): Promise<Report[]> {
    return this.db.repository(Report).find({ where: { incidentId }, order: { receivedAt: order, id: order }, take: limit });
  }

  /** The incident's first reports that were stored when `mark` was taken (readByMarkSql), as ofIncident. */
  ofIncidentReadBy(incidentId: string, mark: ToldMark, limit: number): Promise<Report[]> {
    return this.db
      .repository(Report)
      .createQueryBuilder('r')
      .where(`r.incident_id = :incidentId AND ${readByMarkSql('r', ':mark')}`, { incidentId, mark: mark.snapshot })
      .orderBy('r.received_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * The incident's reports already folded into its kept counts and profile: a report whose
   * attachment is still pending is added by its fold (fold_incident_attachments).
   */
  foldedOfIncident(incidentId: string): Promise<Report[]> {
    return this.db
      .repository(Report)
      .createQueryBuilder('r')
      .where('r.incident_id = :incidentId', { incidentId })
      .andWhere('NOT EXISTS (SELECT 1 FROM incident_pending_attachment p WHERE p.report_id = r.id)')
      .getMany();
  }

  /**
   * An incident's reports grouped by the consumer that sent them, in the order each consumer
   * first reported; one page of groups.
   */
  async consumerGroups(incidentId: string, page: { limit: number; offset: number }): Promise<ConsumerGroup[]> {
    const rows: Array<{ consumer_id: string; reports: number; first_at: Date; last_at: Date }> = await this.db.manager.query(
      `SELECT consumer_id, count(*)::int AS reports, min(received_at) AS first_at, max(received_at) AS last_at
       FROM report WHERE incident_id = $1 GROUP BY consumer_id ORDER BY min(received_at), consumer_id LIMIT $2 OFFSET $3`,
      [incidentId, page.limit, page.offset],
    );
    return rows.map((r) => ({ consumerId: r.consumer_id, reports: r.reports, firstAt: new Date(r.first_at), lastAt: new Date(r.last_at) }));
  }

  /** Where each of these consumers' group stands (1-based) in the order of `consumerGroups`. */
  async groupPositions(incidentId: string, consumerIds: string[]): Promise<Map<string, number>> {
    if (!consumerIds.length) return new Map();
    const rows: Array<{ consumer_id: string; pos: number }> = await this.db.manager.query(
      `SELECT consumer_id, pos FROM (
         SELECT consumer_id, row_number() OVER (ORDER BY min(received_at), consumer_id)::int AS pos
         FROM report WHERE incident_id = $1 GROUP BY consumer_id) g
       WHERE consumer_id = ANY($2::uuid[])`,
      [incidentId, consumerIds],
    );
    return new Map(rows.map((r) => [r.consumer_id, r.pos]));
  }

  /** These consumers' reports on an incident, oldest first. */
  ofIncidentFrom(incidentId: string, consumerIds: string[]): Promise<Report[]> {
    return consumerIds.length
      ? this.db.repository(Report).find({ where: { incidentId, consumerId: In(consumerIds) }, order: { receivedAt: 'ASC', id: 'ASC' } })
      : Promise.resolve([]);
  }

  byIds(ids: string[]): Promise<Report[]> {
    return ids.length ? this.db.repository(Report).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** A page of a consumer's reports, newest first, and how many it has in all. */
  async pageOfConsumer(consumerId: string, page: { limit: number; offset: number }): Promise<{ items: Report[]; total: number }> {
    const [items, total] = await this.db.repository(Report).findAndCount({
      where: { consumerId },
      order: { receivedAt: 'DESC', id: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total };
  }

  /** This consumer's first report in an incident, if it has one. */
  firstOfConsumerIn(incidentId: string, consumerId: string): Promise<Report | null> {
    return this.db.repository(Report).findOne({ where: { incidentId, consumerId }, order: { receivedAt: 'ASC' } });
  }

  async any(): Promise<boolean> {
    return (await this.db.repository(Report).find({ select: { id: true }, take: 1 })).length > 0;
  }

  /** When each of these consumers' reports was received. */
  async receivedTimes(consumerIds: string[]): Promise<Array<{ consumerId: string; receivedAt: Date }>> {
    if (!consumerIds.length) return [];
    return this.db.repository(Report).find({ select: { consumerId: true, receivedAt: true }, where: { consumerId: In(consumerIds) } });
  }

  /** Of these reports, the ones this consumer sent. */
  async ownedBy(consumerId: string, ids: string[]): Promise<Set<string>> {
    const rows = ids.length ? await this.db.repository(Report).find({ select: { id: true }, where: { id: In(ids), consumerId } }) : [];
    return new Set(rows.map((r) => r.id));
  }

  async idsOf(incidentId: string): Promise<string[]> {
    return (await this.db.repository(Report).find({ select: { id: true }, where: { incidentId } })).map((r) => r.id);
  }

  /**
   * Reports Skatteetaten has not been told about (untoldReportSql) that were stored when `mark`
   * was taken (or joined by a merge or a move): what the next update tells.
   */
  sinceLastEscalationMessage(incidentId: string, mark: ToldMark): Promise<Report[]> {
    return this.db
      .repository(Report)
      .createQueryBuilder('r')
      .innerJoin(Escalation, 'e', 'e.incident_id = r.incident_id')
      .where(`r.incident_id = :incidentId AND ${untoldReportSql('r', 'e')}`, { incidentId })
      .andWhere(`(r.id = ANY(e.pending_report_ids) OR ${readByMarkSql('r', ':mark')})`, { mark: mark.snapshot })
      .orderBy('r.received_at', 'ASC')
      .getMany();
  }

  async moveAll(fromIncidentId: string, toIncidentId: string): Promise<number> {
    const r = await this.db.repository(Report).update({ incidentId: fromIncidentId }, { incidentId: toIncidentId });
    return r.affected ?? 0;
  }

  async move(reportId: string, toIncidentId: string, pinned: boolean, match?: Report['match']): Promise<void> {
    await this.db.repository(Report).update({ id: reportId }, { incidentId: toIncidentId, pinned, ...(match ? { match } : {}) });
  }

  /** The incident's reports that its resolution closed, open again. */
  async reopenAllOf(incidentId: string): Promise<void> {
    await this.db.repository(Report).update({ incidentId, status: 'closed' }, { status: 'open' });
  }

  async closeAllOf(incidentId: string): Promise<void> {
    await this.db.repository(Report).update({ incidentId }, { status: 'closed' });
  }

  async setFeatures(id: string, features: string[]): Promise<void> {
    await this.db.manager.query(`UPDATE report SET features = $2 WHERE id = $1`, [id, features]);
  }

  /** The incident's reports summed up; with `readBy`, only those stored when that mark was taken (readByMarkSql). */
  async statsOf(incidentId: string, readBy?: ToldMark): Promise<IncidentStats> {
    const [row] = await this.db.manager.query(
      `SELECT count(*)::int AS report_count, count(DISTINCT consumer_id)::int AS consumer_count,
              coalesce(array_agg(DISTINCT consumer_id::text), '{}') AS consumer_ids,
              min(received_at) AS first_seen, max(received_at) AS last_seen,
              coalesce(array_agg(DISTINCT correlation_id) FILTER (WHERE correlation_id IS NOT NULL), '{}') AS correlation_ids,
              coalesce(array_agg(DISTINCT error_code) FILTER (WHERE error_code IS NOT NULL), '{}') AS error_codes,
              bool_or(category IN ('security', 'privacy')) AS security
       FROM report WHERE incident_id = $1${readBy ? ` AND ${readByMarkSql('report', '$2')}` : ''}`,
      readBy ? [incidentId, readBy.snapshot] : [incidentId],
    );
    return {
      reportCount: row.report_count,
      consumerCount: row.consumer_count,
      consumerIds: row.report_count ? row.consumer_ids : [],
      firstSeenAt: row.first_seen,
      lastSeenAt: row.last_seen,
      correlationIds: row.correlation_ids,
      errorCodes: row.error_codes,
      hasSecurityReports: !!row.security,
    };
  }

  /** Features of the most recent reports, for the corpus statistics. */
  corpusDocuments(limit: number): Promise<Array<{ service: string; features: string[] }>> {
    return this.db.manager.query(`SELECT service, features FROM report ORDER BY received_at DESC LIMIT $1`, [limit]);
  }

  /** Reports received per Norwegian week and service or category, the `weeks` weeks up to `until`. */
  perWeek(by: ReportWeeklyKey, until: Date, weeks: number): Promise<WeeklyCounts> {
    return countPerOsloWeek(
      this.db.manager,
      { sql: `SELECT received_at AS at, ${WEEKLY_KEYS[by]} AS key FROM report`, params: [] },
      until,
      weeks,
    );
  }

  /** The consumers with the most open incidents (then reports in them), most first; merged incidents count once, as their survivor. */
  async mostOpenIssues(openStatuses: readonly string[], limit: number): Promise<OpenIssuesOfConsumer[]> {
    const rows: Array<{ consumer_id: string; incidents: number; reports: number }> = await this.db.manager.query(
      `SELECT r.consumer_id, count(DISTINCT r.incident_id)::int AS incidents, count(*)::int AS reports
       FROM report r JOIN incident i ON i.id = r.incident_id
       WHERE i.status = ANY($1::text[]) AND i.merged_into_id IS NULL
       GROUP BY r.consumer_id
       ORDER BY incidents DESC, reports DESC, r.consumer_id
       LIMIT $2`,
      [openStatuses, limit],
    );
    return rows.map((r) => ({ consumerId: r.consumer_id, incidents: r.incidents, reports: r.reports }));
  }
}
