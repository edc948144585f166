import { type Environment, ENVIRONMENTS } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext, orderOf, type Page, type PageRequest, pageWindow, StatementBatch, TransactionConflict } from '@platform/database';
import { In } from 'typeorm';

import type { CandidateQuery } from './grouping-flow';
import { Incident, IncidentSide, IncidentStatus, Severity } from './incident.entity';
import type { ProfileCounts } from './rules/incident-profile';
import { restrictedSql } from './rules/incident-visibility';
import type { KnownIncidentCandidate } from './rules/known-incident';
import type { IncidentState } from './rules/match-report';
import { CANDIDATE_LOOKBACK_MS, MAX_CANDIDATES, WAVE_WINDOW_MS } from './rules/matching.constants';

/** An open incident of a service, with what tells whether KS knows of it and how to show it. */
export interface OpenIncidentOnService extends KnownIncidentCandidate {
  reference: string;
  title: string;
  status: IncidentStatus;
  services: string[];
  /** staff set its title in a triage (until then it carries one municipality's words) */
  titledByStaff: boolean;
}

export interface IncidentFilter {
  status?: IncidentStatus[];
  side?: IncidentSide;
  service?: string;
  environment?: Environment;
  severity?: Severity;
  consumerId?: string;
  /** A staff id, or 'none' for incidents nobody is assigned. */
  assignee?: string;
  /** An assignment group's id, or 'none'. */
  group?: string;
  q?: string;
  limit?: number;
}

/** What the queue searches for: each term must match the incident, its reports or their municipality. */
export interface QueueSearchTerm {
  text: string;
  /** Consumers whose name the term names (looked up by the caller in the consumer registry). */
  consumerIds: string[];
}

export interface QueueRowFilter extends Omit<IncidentFilter, 'q' | 'limit'> {
  /** Severity as staff see it: the one set, or the suggested one while none is set. */
  impact?: Severity[];
  terms?: QueueSearchTerm[];
  /**
   * For a caller who may not read security cases: they are still listed, but searched by their
   * reference only and sorted without their titles, so that no search or order tells what they hold.
   */
  hideSecurityContent?: boolean;
}

/** An incident with what the queue shows of its reports, counted in SQL. */
export interface QueueRow {
  incident: Incident;
  reportCount: number;
  consumerCount: number;
  escalated: boolean;
}

export interface IncidentSearchRow {
  id: string;
  reference: string;
  title: string;
  status: IncidentStatus;
  lastSeenAt: Date;
  total: number;
}

export type QueueSort = 'impact' | 'reference' | 'title' | 'status' | 'consumers' | 'reports' | 'first' | 'last';

/**
 * Severity as staff see it, in SQL: the one set, else the suggestion of `suggestedSeverity` in
 * incident-queries.use-case.ts (the two are kept equal by the queue's e2e tests).
 */
const IMPACT_SQL = `coalesce(i.severity, CASE WHEN i.track = 'security' THEN 'high' WHEN i.environment <> 'production' THEN 'low'
  WHEN i.consumer_count >= 10 THEN 'critical' WHEN i.consumer_count >= 3 THEN 'high' ELSE 'medium' END)`;

const QUEUE_ORDER: Record<QueueSort, string> = {
  // Grows with severity, then breadth: one number so that one direction flips both. Descending puts the most severe first,
  // so the page's arrow and aria-sort say what the list shows.
  impact: `(CASE impact WHEN 'critical' THEN 3 WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END) * 1000000 + least(consumer_count, 999999)`,
  reference: 'reference',
  title: 'lower(title)',
  status: `CASE status WHEN 'new' THEN 0 WHEN 'triaged' THEN 1 WHEN 'escalated' THEN 2 WHEN 'resolved' THEN 3 ELSE 4 END`,
  consumers: 'consumer_count',
  reports: 'report_count',
  first: 'opened_at',
  last: 'last_seen_at',
};

/** Whether staff set the incident `i`'s title in a triage (answered from a partial index). */
const TITLED_BY_STAFF_SQL = `EXISTS (SELECT 1 FROM incident_event ev WHERE ev.incident_id = i.id AND ev.kind = 'triaged' AND ev.details ? 'title')`;

/** LIKE pattern for text anywhere in a field, with the user's own % and _ taken literally. */
const anywhere = (text: string) => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/**
 * What matching needs of an incident, with the incident itself and what tells whether KS knows of
 * it, so intake need not read them again.
 */
export type CandidateIncident = IncidentState & {
  entity: Incident;
  titlesOfConsumer: Map<string, string[]>;
  escalated: boolean;
  /** staff set its title in a triage */
  titledByStaff: boolean;
  /** distinct municipalities that reported it, as of the last commit that added a report */
  consumerCount: number;
};

/** One report's question to the candidates read: as of when, and whose earlier titles. */
interface CandidateAsk {
  at: Date;
  consumerId: string | null;
}

/** The most candidate reads one statement answers (the reads of a burst's turn; see StatementBatch). */
const CANDIDATES_READS_PER_STATEMENT = 16;

/** A profile as read, under the version it was read at (`incident.profile_version`). */
interface KeptProfile {
  version: number;
  profile: ProfileCounts;
}

/** Incidents and their grouping profiles. */
@Injectable()
export class IncidentRepository {
  /**
   * The profiles of the candidates each environment's last committed read returned: the next read
   * has the database send only those whose version moved. Profiles read inside a transaction are
   * not kept (its writes could still roll back under a version a later commit reuses). Kept
   * profiles are frozen, so parsing them (profileOf) is cached with them.
   */
  private readonly keptProfiles = new Map<Environment, ReadonlyMap<string, KeptProfile>>();

  /** Made at start, so that no request's context goes with a batch (see StatementBatch). */
  private readonly candidateBatches = new Map(ENVIRONMENTS.map((environment) => [environment, this.newCandidateBatch(environment)]));

  constructor(private readonly db: DatabaseContext) {}

  /**
   * Open incidents in one environment that were opened by `at` and active within the lookback
   * (plus `alsoInclude`), the most recently active first, capped; each with the number of
   * distinct consumers that reported it in the wave window before `at`, and the titles of
   * `consumerId`'s reports in it. The same semantics as the evaluation's in-memory store.
   */
  async candidates(environment: Environment, at: Date, query: CandidateQuery = {}): Promise<CandidateIncident[]> {
    const { consumerId = null, alsoInclude = [], lookbackMs = CANDIDATE_LOOKBACK_MS, holdsOwnReports = this.db.inTransaction } = query;
    const ask = { at, consumerId };
    // The reads of concurrent reports outside a transaction, made in the same turn, go as one statement.
    if (!this.db.inTransaction && !holdsOwnReports && alsoInclude.length === 0 && lookbackMs === CANDIDATE_LOOKBACK_MS)
      return this.candidateBatches.get(environment)!.submit(ask);
    const [read] = await this.readCandidates(environment, [ask], { alsoInclude, lookbackMs, holdsOwnReports });
    return read;
  }

  private newCandidateBatch(environment: Environment): StatementBatch<CandidateAsk, CandidateIncident[]> {
    const options = { alsoInclude: [], lookbackMs: CANDIDATE_LOOKBACK_MS, holdsOwnReports: false };
    return new StatementBatch(
      (asks) => this.db.detached(() => this.readCandidates(environment, asks, options)),
      async (ask) => (await this.db.detached(() => this.readCandidates(environment, [ask], options)))[0],
      CANDIDATES_READS_PER_STATEMENT,
    );
  }

  /** The candidates of each ask, read by one statement. */
  private async readCandidates(
    environment: Environment,
    asks: CandidateAsk[],
    { alsoInclude, lookbackMs, holdsOwnReports }: Required<Pick<CandidateQuery, 'alsoInclude' | 'lookbackMs' | 'holdsOwnReports'>>,
  ): Promise<CandidateIncident[][]> {
    // Each candidate with its wave (distinct municipalities within the wave window), the titles
    // this reporter gave it and whether KS knows of it, as intake reads them on every report.
    const wave = `(SELECT count(DISTINCT r.consumer_id)::int FROM report r
                    WHERE r.incident_id = i.id AND r.received_at <= q.at AND r.received_at >= q.wave_from)`;
    // Counting the wave reads every report of the incident, so over a burst of n reports n² index
    // entries. When all its reports lie inside the window (its first and last report, two index
    // probes, tell), the wave is all its municipalities: the kept count. That count includes a
    // report once it is committed (and folded), so a transaction that may have added reports of its
    // own (an import) counts them. (min and max, unlike NOT EXISTS, cannot become a scan of every
    // report in the window that the planner hashes.)
    const waveConsumers = holdsOwnReports
      ? wave
      : `CASE WHEN coalesce((SELECT min(r.received_at) FROM report r WHERE r.incident_id = i.id), q.wave_from) >= q.wave_from
                  AND coalesce((SELECT max(r.received_at) FROM report r WHERE r.incident_id = i.id), q.at) <= q.at
                 THEN i.consumer_count ELSE ${wave} END`;
    const keep = !this.db.inTransaction;
    const kept = (keep && this.keptProfiles.get(environment)) || new Map<string, KeptProfile>();
    // A profile is sent when its version moved since the kept one, and once per statement.
    const profile = `CASE WHEN i.profile_version = (SELECT k.version FROM unnest($7::uuid[], $8::int[]) AS k(id, version) WHERE k.id = i.id)
                            OR row_number() OVER (PARTITION BY i.id ORDER BY q.ask) > 1
                          THEN NULL ELSE i."profile" END AS "profile"`;
    const rows: Array<
      Record<string, unknown> & {
        ask: number;
        profile: ProfileCounts | null;
        profile_version: number;
        wave_consumers: number;
        consumer_titles: string[] | null;
        consumer_count: number;
        escalated: boolean;
        titled_by_staff: boolean;
      }
    > = await this.db.manager.query(
      `SELECT q.ask::int AS ask, ${this.db.selectList(Incident, 'i').replace('i."profile"', profile)}, i.profile_version,
                ${waveConsumers} AS wave_consumers, i.consumer_count,
                EXISTS (SELECT 1 FROM escalation e WHERE e.incident_id = i.id) AS escalated,
                ${TITLED_BY_STAFF_SQL} AS titled_by_staff,
                CASE WHEN q.consumer_id IS NULL THEN NULL ELSE
                  (SELECT coalesce(json_agg(r.title ORDER BY r.received_at), '[]'::json) FROM report r
                    WHERE r.incident_id = i.id AND r.consumer_id = q.consumer_id) END AS consumer_titles
         FROM unnest($2::timestamptz[], $3::timestamptz[], $4::timestamptz[], $6::uuid[]) WITH ORDINALITY AS q(at, wave_from, active_from, consumer_id, ask)
         CROSS JOIN LATERAL (
           SELECT * FROM incident i
           WHERE i.environment = $1 AND i.merged_into_id IS NULL AND i.status NOT IN ('resolved', 'closed') AND i.opened_at <= q.at
             AND (i.last_seen_at >= q.active_from OR i.id = ANY($5::uuid[]))
           ORDER BY i.last_seen_at DESC, i.id ASC
           LIMIT ${MAX_CANDIDATES}) i
         ORDER BY q.ask, i.last_seen_at DESC, i.id ASC`,
      [
        environment,
        asks.map((a) => a.at),
        asks.map((a) => new Date(a.at.getTime() - WAVE_WINDOW_MS)),
        asks.map((a) => new Date(a.at.getTime() - lookbackMs)),
        [...alsoInclude],
        asks.map((a) => a.consumerId),
        [...kept.keys()],
        [...kept.values()].map((k) => k.version),
      ],
    );
    const read = new Map<string, KeptProfile>();
    for (const row of rows) {
      const id = row.id as string;
      row.profile = row.profile === null ? (read.get(id) ?? kept.get(id)!).profile : Object.freeze(row.profile);
      read.set(id, { version: row.profile_version, profile: row.profile });
    }
    if (keep) this.keptProfiles.set(environment, read);
    const candidates = asks.map((): CandidateIncident[] => []);
    for (const row of rows) {
      const i = this.db.hydrate(Incident, row);
      const { consumerId } = asks[row.ask - 1];
      candidates[row.ask - 1].push({
        entity: i,
        id: i.id,
        environment: i.environment,
        track: i.track,
        openedAt: i.openedAt,
        lastReportAt: i.lastSeenAt,
        profile: i.profile,
        waveConsumers: row.wave_consumers,
        titlesOfConsumer: new Map(consumerId ? [[consumerId, row.consumer_titles ?? []]] : []),
        escalated: row.escalated,
        titledByStaff: row.titled_by_staff,
        consumerCount: row.consumer_count,
      });
    }
    return candidates;
  }

  /**
   * Open incidents of one service and environment (whatever their last activity: an escalated
   * problem stays known while Skatteetaten works on it), with what tells whether KS knows of them.
   */
  async openOnService(environment: Environment, service: string, limit = 50): Promise<OpenIncidentOnService[]> {
    // The kept count includes a report once it is committed; inside a transaction, which may just
    // have added one (intake under an Idempotency-Key, joining an incident), the reports are counted.
    const consumers = this.db.inTransaction
      ? '(SELECT count(DISTINCT r.consumer_id)::int FROM report r WHERE r.incident_id = i.id)'
      : 'i.consumer_count';
    const rows: Array<{
      id: string;
      reference: string;
      title: string;
      status: IncidentStatus;
      services: string[];
      track: Incident['track'];
      side: IncidentSide;
      escalated: boolean;
      consumers: number;
      titled_by_staff: boolean;
      last_seen_at: Date;
    }> = await this.db.manager.query(
      `SELECT i.id, i.reference, i.title, i.status, i.services, i.track, i.side, i.last_seen_at,
                EXISTS (SELECT 1 FROM escalation e WHERE e.incident_id = i.id) AS escalated,
                ${consumers} AS consumers,
                ${TITLED_BY_STAFF_SQL} AS titled_by_staff
         FROM incident i
         WHERE i.environment = $1 AND $2 = ANY(i.services) AND i.merged_into_id IS NULL AND i.status IN ('new', 'triaged', 'escalated')
         ORDER BY i.last_seen_at DESC LIMIT $3`,
      [environment, service, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      status: r.status,
      services: r.services,
      track: r.track,
      side: r.side,
      escalated: r.escalated,
      consumerCount: r.consumers,
      titledByStaff: r.titled_by_staff,
      lastSeenAt: new Date(r.last_seen_at),
    }));
  }

  insert(incident: Partial<Incident>): Promise<Incident> {
    return this.db.repository(Incident).save(this.db.repository(Incident).create(incident));
  }

  /**
   * Records a new report on an incident: its contribution is added to the profile in SQL
   * (`attach_report_to_incident`), so concurrent attaches to one incident never lose each other's
   * counts. (Live intake's certain attach is left pending with the report and folded: foldAttachments.)
   */
  async attachReport(
    id: string,
    report: { service: string; errorCode: string | null; receivedAt: Date },
    contribution: ProfileCounts,
  ): Promise<void> {
    await this.db.manager.query(`SELECT attach_report_to_incident($1, $2, $3, $4, $5)`, [
      id,
      report.service,
      report.errorCode,
      report.receivedAt,
      JSON.stringify(contribution),
    ]);
  }

  /**
   * Applies the incident's pending attachments (the committed reports' contributions) in one
   * update, and deletes them (migrations/1795472000000-incident-attachments-folded-after-commit.ts).
   * The fold commits without waiting for the WAL flush, so it must be a transaction of its own.
   * Returns the number of reports folded.
   */
  async foldAttachments(id: string): Promise<number> {
    if (this.db.inTransaction) throw new Error('foldAttachments must run outside a transaction');
    return this.fold(id);
  }

  /**
   * The same fold inside the caller's transaction, for whatever moves reports between incidents
   * (merges, splits, moves): the attachments pending there then move as counted reports. The
   * caller's transaction still waits for its flush at commit.
   */
  async foldAttachmentsInTransaction(id: string): Promise<number> {
    if (!this.db.inTransaction) throw new Error('foldAttachmentsInTransaction needs a transaction');
    const folded = await this.fold(id);
    // The fold lets its own transaction commit without the flush; this one must not.
    await this.db.manager.query(`SET LOCAL synchronous_commit TO DEFAULT`);
    return folded;
  }

  private async fold(id: string): Promise<number> {
    const [row]: Array<{ folded: number }> = await this.db.manager.query(`SELECT fold_incident_attachments($1) AS folded`, [id]);
    return row.folded;
  }

  /** Incidents with attachments pending since before `before` (their report's process stopped before folding them). */
  async withAttachmentsPendingSince(before: Date): Promise<string[]> {
    const rows: Array<{ incident_id: string }> = await this.db.manager.query(
      `SELECT DISTINCT r.incident_id FROM incident_pending_attachment p JOIN report r ON r.id = p.report_id WHERE p.created_at < $1`,
      [before],
    );
    return rows.map((r) => r.incident_id);
  }

  /** The survivor of a merge takes the merged incident's profile (added, count by count). */
  async addProfileOf(survivorId: string, mergedId: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE incident SET profile = jsonb_add_counts(profile, (SELECT profile FROM incident WHERE id = $2)) WHERE id = $1`,
      [survivorId, mergedId],
    );
  }

  async setProfile(id: string, profile: ProfileCounts): Promise<void> {
    await this.db.manager.query(`UPDATE incident SET profile = $2::jsonb WHERE id = $1`, [id, JSON.stringify(profile)]);
  }

  /** Open incidents whose profile was never built (stored before profiles existed). */
  async withoutProfile(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `SELECT id FROM incident i WHERE profile = '{}'::jsonb AND merged_into_id IS NULL AND status NOT IN ('resolved', 'closed')
         AND EXISTS (SELECT 1 FROM report r WHERE r.incident_id = i.id) LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  find(id: string): Promise<Incident | null> {
    return this.db.repository(Incident).findOneBy({ id });
  }

  findMany(ids: string[]): Promise<Incident[]> {
    return ids.length ? this.db.repository(Incident).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findByReference(reference: string): Promise<Incident | null> {
    return this.db.repository(Incident).findOneBy({ reference });
  }

  lock(id: string): Promise<Incident | null> {
    return this.db.repository(Incident).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
  }

  /**
   * The incidents `ids` belong to after merges, locked for the transaction, in the order asked.
   * Locks are taken in id order, so two transactions locking the same incidents cannot deadlock,
   * and a merge that committed while this waited is followed: what is returned is not merged.
   */
  async lockSurvivors(...ids: string[]): Promise<Array<Incident | null>> {
    for (let attempt = 0; ; attempt++) {
      const found: Array<Incident | null> = [];
      for (const id of ids) found.push(await this.resolveSurvivor(id));
      const locked = new Map<string, Incident | null>();
      for (const id of [...new Set(found.flatMap((i) => (i ? [i.id] : [])))].sort()) locked.set(id, await this.lock(id));
      const current = found.map((i) => (i ? (locked.get(i.id) ?? null) : null));
      if (current.every((i) => !i?.mergedIntoId)) return current;
      // Merges do not chain without end; one that keeps moving is answered as a conflict to retry.
      if (attempt === 20) throw new TransactionConflict();
    }
  }

  /** The incident `id` belongs to after merges, locked for the transaction (see `lockSurvivors`). */
  async lockSurvivor(id: string): Promise<Incident | null> {
    return (await this.lockSurvivors(id))[0];
  }

  /** Follows merges to the incident that now holds the reports. */
  async resolveSurvivor(id: string): Promise<Incident | null> {
    let incident = await this.find(id);
    for (let hops = 0; incident?.mergedIntoId && hops < 20; hops++) incident = await this.find(incident.mergedIntoId);
    return incident;
  }

  async update(id: string, patch: Partial<Incident>): Promise<void> {
    await this.db.repository(Incident).update({ id }, patch);
  }

  /**
   * The queue: incidents with their report and municipality counts, filtered, searched, sorted
   * and paged in one query; the total is the number the whole filter matches.
   */
  async queue(filter: QueueRowFilter, page: PageRequest<QueueSort>): Promise<Page<QueueRow>> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = ['i.merged_into_id IS NULL'];
    if (filter.status?.length) where.push(`i.status = ANY(${p(filter.status)}::text[])`);
    if (filter.side) where.push(`i.side = ${p(filter.side)}`);
    if (filter.service) where.push(`${p(filter.service)} = ANY(i.services)`);
    if (filter.environment) where.push(`i.environment = ${p(filter.environment)}`);
    if (filter.severity) where.push(`i.severity = ${p(filter.severity)}`);
    const hide = !!filter.hideSecurityContent;
    if (filter.consumerId) where.push(`i.id IN (SELECT incident_id FROM report WHERE consumer_id = ${p(filter.consumerId)})`);
    if (filter.assignee === 'none') where.push('i.assignee_id IS NULL');
    else if (filter.assignee) where.push(`i.assignee_id = ${p(filter.assignee)}`);
    if (filter.group === 'none') where.push('i.group_id IS NULL');
    else if (filter.group) where.push(`i.group_id = ${p(filter.group)}`);
    for (const term of filter.terms ?? []) where.push(this.termCondition(term, p, hide));
    const impact = filter.impact?.length ? `WHERE impact = ANY(${p(filter.impact)}::text[])` : '';
    const { limit, offset } = pageWindow(page, 50);
    const order = orderOf(QUEUE_ORDER, page, { sort: 'impact', direction: 'desc' });
    const rows: Array<Record<string, unknown>> = await this.db.manager.query(
      `SELECT * , count(*) OVER ()::int AS total FROM (
         SELECT i.id, i.reference, ${hide ? `CASE WHEN ${restrictedSql('i')} THEN '' ELSE i.title END AS title` : 'i.title'}, i.status, i.side, i.severity, i.environment, i.track, i.services, i.error_codes,
                i.opened_at, i.last_seen_at, i.resolved_at, i.ske_case_reference, i.known_issue,
                i.assignee_id, i.assignee_name, i.group_id,
                i.report_count, i.consumer_count,
                EXISTS (SELECT 1 FROM escalation e WHERE e.incident_id = i.id) AS escalated, ${IMPACT_SQL} AS impact
         FROM incident i
         WHERE ${where.join(' AND ')}) q
       ${impact}
       ORDER BY ${order.expression} ${order.direction}, last_seen_at DESC, id
       LIMIT ${p(limit)} OFFSET ${p(offset)}`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : offset ? await this.countQueue(filter) : 0;
    return {
      total,
      items: rows.map((r) => ({
        incident: this.db.repository(Incident).create({
          id: r.id as string,
          reference: r.reference as string,
          title: r.title as string,
          status: r.status as IncidentStatus,
          side: r.side as IncidentSide,
          severity: r.severity as Severity | null,
          environment: r.environment as Environment,
          track: r.track as Incident['track'],
          services: r.services as string[],
          errorCodes: r.error_codes as string[],
          openedAt: new Date(r.opened_at as string),
          lastSeenAt: new Date(r.last_seen_at as string),
          resolvedAt: r.resolved_at ? new Date(r.resolved_at as string) : null,
          skeCaseReference: r.ske_case_reference as string | null,
          knownIssue: (r.known_issue as Incident['knownIssue']) ?? null,
          assigneeId: r.assignee_id as string | null,
          assigneeName: r.assignee_name as string | null,
          groupId: r.group_id as string | null,
        }),
        reportCount: Number(r.report_count),
        consumerCount: Number(r.consumer_count),
        escalated: r.escalated === true,
      })),
    };
  }

  /** A page past the end has no rows to carry the total; count it alone. */
  private async countQueue(filter: QueueRowFilter): Promise<number> {
    return (await this.queue(filter, { limit: 1, offset: 0 })).total;
  }

  /** One search term; a security case hidden from the caller is found by its reference alone. */
  private termCondition(term: QueueSearchTerm, p: (v: unknown) => string, hideSecurityContent: boolean): string {
    const like = p(anywhere(term.text));
    const content = this.termContentCondition(term, p, like);
    return hideSecurityContent ? `(i.reference ILIKE ${like} OR (NOT ${restrictedSql('i')} AND ${content}))` : content;
  }

  /**
   * One search term in the incident's reference, title or error codes, or in one of its reports
   * (title, description, reference, error code, HTTP status), or a report from a municipality the
   * term names. Text is matched anywhere (trigram indexes serve the ILIKE), codes exactly.
   */
  private termContentCondition(term: QueueSearchTerm, p: (v: unknown) => string, like: string): string {
    const exact = p(term.text.toUpperCase());
    const status = /^[1-5]\d\d$/.test(term.text) ? `OR r.http_status = ${p(Number(term.text))}` : '';
    const consumers = term.consumerIds.length ? `OR r.consumer_id = ANY(${p(term.consumerIds)}::uuid[])` : '';
    return `(i.title ILIKE ${like} OR i.reference ILIKE ${like} OR ${exact} = ANY(i.error_codes)
      OR i.id IN (SELECT r.incident_id FROM report r WHERE r.title ILIKE ${like} OR r.description ILIKE ${like}
                  OR r.reference = ${exact} OR upper(r.error_code) = ${exact} ${status} ${consumers}))`;
  }

  /**
   * The one search box: Norwegian full text (stems: «feilene» finds «feil») and trigram word
   * similarity on titles, error codes exactly, and the text of the incident's reports; merged
   * incidents answer through the one that took them over.
   */
  search(text: string, limit: number, withSecurity: boolean): Promise<Array<IncidentSearchRow>> {
    return this.db.manager.query(
      `WITH q AS (SELECT websearch_to_tsquery('norwegian', $1) AS nb, upper($1) AS code)
       SELECT i.id, i.reference, i.title, i.status, i.last_seen_at AS "lastSeenAt", count(*) OVER ()::int AS total
       FROM incident i, q
       WHERE i.merged_into_id IS NULL AND ($3 OR NOT ${restrictedSql('i')})
         AND (to_tsvector('norwegian', i.title) @@ q.nb OR $1 <% i.title OR q.code = ANY(i.error_codes)
              OR i.id IN (SELECT coalesce(m.merged_into_id, m.id) FROM report r JOIN incident m ON m.id = r.incident_id
                          WHERE to_tsvector('norwegian', r.title || ' ' || r.description) @@ q.nb OR upper(r.error_code) = q.code))
       ORDER BY ts_rank(to_tsvector('norwegian', i.title), q.nb) + word_similarity($1, i.title) DESC, i.last_seen_at DESC
       LIMIT $2`,
      [text, limit, withSecurity],
    );
  }

  list(filter: IncidentFilter): Promise<Incident[]> {
    const q = this.db
      .repository(Incident)
      .createQueryBuilder('i')
      .where('i.merged_into_id IS NULL')
      .orderBy('i.last_seen_at', 'DESC')
      .limit(Math.min(filter.limit ?? 200, 1000));
    if (filter.status?.length) q.andWhere('i.status IN (:...status)', { status: filter.status });
    if (filter.side) q.andWhere('i.side = :side', { side: filter.side });
    if (filter.service) q.andWhere(':service = ANY(i.services)', { service: filter.service });
    if (filter.environment) q.andWhere('i.environment = :environment', { environment: filter.environment });
    if (filter.severity) q.andWhere('i.severity = :severity', { severity: filter.severity });
    if (filter.consumerId)
      q.andWhere('i.id IN (SELECT incident_id FROM report WHERE consumer_id = :consumerId)', { consumerId: filter.consumerId });
    if (filter.q) q.andWhere('(i.title ILIKE :q OR i.reference ILIKE :q)', { q: `%${filter.q}%` });
    return q.getMany();
  }

  /** Changes whenever an incident is opened, changed or merged: a cheap check whether the queue needs reading again. */
  async version(): Promise<string> {
    const [row] = await this.db.manager.query(`SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '') AS v FROM incident`);
    return row.v;
  }

  /** The latest report received in an environment (history may be imported with future dates). */
  async latestReportAt(environment: Environment): Promise<Date | null> {
    const [row] = await this.db.manager.query(`SELECT max(last_seen_at) AS at FROM incident WHERE environment = $1`, [environment]);
    return row?.at ? new Date(row.at) : null;
  }

  /** Incidents in these statuses (merged ones left out) counted by status and whole days open at `at`. */
  openDays(statuses: readonly IncidentStatus[], at: Date): Promise<Array<{ status: IncidentStatus; days: number; count: number }>> {
    return this.db.manager.query(
      `SELECT status, greatest(floor(extract(epoch FROM ($2::timestamptz - opened_at)) / 86400), 0)::int AS days, count(*)::int AS count
       FROM incident WHERE status = ANY($1::text[]) AND merged_into_id IS NULL
       GROUP BY 1, 2`,
      [statuses, at],
    );
  }
}
