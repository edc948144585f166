import type { Environment } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { In } from 'typeorm';

import { Escalation } from './escalation.entity';
import type { CandidateQuery } from './grouping-flow';
import { GroupingLesson } from './grouping-lesson.entity';
import { IdempotencyRecord } from './idempotency-record.entity';
import { Incident, IncidentSide, IncidentStatus, Severity } from './incident.entity';
import { IncidentEvent } from './incident-event.entity';
import { MergeProposal } from './merge-proposal.entity';
import { Report } from './report.entity';
import type { ProfileCounts } from './rules/incident-profile';
import type { IncidentState } from './rules/match-report';
import { CANDIDATE_LOOKBACK_MS, MAX_CANDIDATES, WAVE_WINDOW_MS } from './rules/matching.constants';

export interface IncidentFilter {
  status?: IncidentStatus[];
  side?: IncidentSide;
  service?: string;
  environment?: Environment;
  severity?: Severity;
  consumerId?: string;
  q?: string;
  limit?: number;
}

/** What matching needs of an incident, with the incident itself so intake need not read it again. */
export type CandidateIncident = IncidentState & { entity: Incident; titlesOfConsumer: Map<string, string[]> };

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

@Injectable()
export class IncidentsRepository {
  constructor(private readonly db: DatabaseContext) {}

  /**
   * Open incidents in one environment that were opened by `at` and active within the lookback
   * (plus `alsoInclude`), the most recently active first, capped; each with the number of
   * distinct consumers that reported it in the wave window before `at`, and the titles of
   * `consumerId`'s reports in it. The same semantics as the evaluation's in-memory store.
   */
  async candidateStates(
    environment: Environment,
    at: Date,
    { consumerId, alsoInclude = [], lookbackMs = CANDIDATE_LOOKBACK_MS }: CandidateQuery = {},
  ): Promise<CandidateIncident[]> {
    const incidents = await this.db
      .repository(Incident)
      .createQueryBuilder('i')
      .where('i.environment = :environment', { environment })
      .andWhere('i.merged_into_id IS NULL')
      .andWhere(`i.status NOT IN ('resolved', 'closed')`)
      .andWhere('i.opened_at <= :at', { at })
      .andWhere('(i.last_seen_at >= :since OR i.id IN (:...extra))', {
        since: new Date(at.getTime() - lookbackMs),
        extra: alsoInclude.length ? alsoInclude : ['00000000-0000-0000-0000-000000000000'],
      })
      .orderBy('i.last_seen_at', 'DESC')
      .addOrderBy('i.id', 'ASC')
      .limit(MAX_CANDIDATES)
      .getMany();
    if (!incidents.length) return [];
    const ids = incidents.map((i) => i.id);
    const waves: Array<{ incident_id: string; n: number }> = await this.db.manager.query(
      `SELECT incident_id, count(DISTINCT consumer_id)::int AS n FROM report
       WHERE incident_id = ANY($1::uuid[]) AND received_at <= $2 AND received_at >= $3 GROUP BY incident_id`,
      [ids, at, new Date(at.getTime() - WAVE_WINDOW_MS)],
    );
    const titles: Array<{ incident_id: string; title: string }> = consumerId
      ? await this.db.manager.query(
          `SELECT incident_id, title FROM report WHERE incident_id = ANY($1::uuid[]) AND consumer_id = $2 ORDER BY received_at`,
          [ids, consumerId],
        )
      : [];
    const wave = new Map(waves.map((w) => [w.incident_id, w.n]));
    return incidents.map((i) => ({
      entity: i,
      id: i.id,
      environment: i.environment,
      track: i.track,
      openedAt: i.openedAt,
      lastReportAt: i.lastSeenAt,
      profile: i.profile,
      waveConsumers: wave.get(i.id) ?? 0,
      titlesOfConsumer: new Map(consumerId ? [[consumerId, titles.filter((t) => t.incident_id === i.id).map((t) => t.title)]] : []),
    }));
  }

  insertIncident(incident: Partial<Incident>): Promise<Incident> {
    return this.db.repository(Incident).save(this.db.repository(Incident).create(incident));
  }

  /**
   * Records a new report on an incident: its contribution is added to the profile in SQL, so
   * concurrent attaches to one incident never lose each other's counts. Runs last in the intake
   * transaction, so the incident row stays locked only until commit.
   */
  async attachToIncident(
    id: string,
    report: { service: string; errorCode: string | null; receivedAt: Date },
    contribution: ProfileCounts,
  ): Promise<void> {
    await this.db.manager.query(
      `UPDATE incident SET
         profile = jsonb_add_counts(profile, $5::jsonb),
         services = CASE WHEN $2 = ANY(services) THEN services ELSE array_append(services, $2) END,
         error_codes = CASE WHEN $3::text IS NULL OR $3 = ANY(error_codes) THEN error_codes ELSE array_append(error_codes, $3) END,
         last_seen_at = GREATEST(last_seen_at, $4),
         updated_at = now()
       WHERE id = $1`,
      [id, report.service, report.errorCode, report.receivedAt, JSON.stringify(contribution)],
    );
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

  /** Features of the most recent reports, for the corpus statistics. */
  corpusDocuments(limit: number): Promise<Array<{ service: string; features: string[] }>> {
    return this.db.manager.query(`SELECT service, features FROM report ORDER BY received_at DESC LIMIT $1`, [limit]);
  }

  /** Open incidents whose profile was never built (stored before profiles existed). */
  async incidentsWithoutProfile(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `SELECT id FROM incident i WHERE profile = '{}'::jsonb AND merged_into_id IS NULL AND status NOT IN ('resolved', 'closed')
         AND EXISTS (SELECT 1 FROM report r WHERE r.incident_id = i.id) LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  async setReportFeatures(id: string, features: string[]): Promise<void> {
    await this.db.manager.query(`UPDATE report SET features = $2 WHERE id = $1`, [id, features]);
  }

  // --- lessons from staff corrections ---

  lessons(): Promise<GroupingLesson[]> {
    return this.db.repository(GroupingLesson).find();
  }

  async learn(featureA: string, featureB: string, strength: number, source: string): Promise<void> {
    const [a, b] = featureA < featureB ? [featureA, featureB] : [featureB, featureA];
    await this.db.manager.query(
      `INSERT INTO grouping_lesson (feature_a, feature_b, strength, source) VALUES ($1, $2, $3, $4)
       ON CONFLICT (feature_a, feature_b) DO UPDATE SET strength = LEAST(1, grouping_lesson.strength + EXCLUDED.strength / 2), source = EXCLUDED.source`,
      [a, b, strength, source],
    );
  }

  insertReport(report: Partial<Report>): Promise<Report> {
    return this.db.repository(Report).save(this.db.repository(Report).create(report));
  }

  findIncident(id: string): Promise<Incident | null> {
    return this.db.repository(Incident).findOneBy({ id });
  }

  findIncidentByReference(reference: string): Promise<Incident | null> {
    return this.db.repository(Incident).findOneBy({ reference });
  }

  lockIncident(id: string): Promise<Incident | null> {
    return this.db.repository(Incident).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
  }

  /** Follows merges to the incident that now holds the reports. */
  async resolveSurvivor(id: string): Promise<Incident | null> {
    let incident = await this.findIncident(id);
    for (let hops = 0; incident?.mergedIntoId && hops < 20; hops++) incident = await this.findIncident(incident.mergedIntoId);
    return incident;
  }

  async updateIncident(id: string, patch: Partial<Incident>): Promise<void> {
    await this.db.repository(Incident).update({ id }, patch);
  }

  findReport(id: string): Promise<Report | null> {
    return this.db.repository(Report).findOneBy({ id });
  }

  async findReportSealed(id: string): Promise<string | null> {
    const row = await this.db
      .repository(Report)
      .createQueryBuilder('r')
      .addSelect('r.personal_data_sealed', 'sealed')
      .where('r.id = :id', { id })
      .getRawOne<{ sealed: string | null }>();
    return row?.sealed ?? null;
  }

  reportsOf(incidentId: string, limit = 500): Promise<Report[]> {
    return this.db.repository(Report).find({ where: { incidentId }, order: { receivedAt: 'ASC' }, take: limit });
  }

  reportsByIds(ids: string[]): Promise<Report[]> {
    return ids.length ? this.db.repository(Report).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  reportsOfConsumer(consumerId: string, limit = 200): Promise<Report[]> {
    return this.db.repository(Report).find({ where: { consumerId }, order: { receivedAt: 'DESC' }, take: limit });
  }

  /** Reports Skatteetaten has not been told about (compared in SQL, at full timestamp precision). */
  reportsSinceLastEscalationMessage(incidentId: string): Promise<Report[]> {
    return this.db
      .repository(Report)
      .createQueryBuilder('r')
      .innerJoin(Escalation, 'e', 'e.incident_id = r.incident_id')
      .where('r.incident_id = :incidentId AND (r.created_at > e.reported_until OR r.id = ANY(e.pending_report_ids))', { incidentId })
      .orderBy('r.received_at', 'ASC')
      .getMany();
  }

  async moveReports(fromIncidentId: string, toIncidentId: string): Promise<number> {
    const r = await this.db.repository(Report).update({ incidentId: fromIncidentId }, { incidentId: toIncidentId });
    return r.affected ?? 0;
  }

  async moveReport(reportId: string, toIncidentId: string, pinned: boolean, match?: Report['match']): Promise<void> {
    await this.db.repository(Report).update({ id: reportId }, { incidentId: toIncidentId, pinned, ...(match ? { match } : {}) });
  }

  async closeReportsOf(incidentId: string): Promise<void> {
    await this.db.repository(Report).update({ incidentId }, { status: 'closed' });
  }

  async stats(incidentId: string): Promise<IncidentStats> {
    const [row] = await this.db.manager.query(
      `SELECT count(*)::int AS report_count, count(DISTINCT consumer_id)::int AS consumer_count,
              coalesce(array_agg(DISTINCT consumer_id::text), '{}') AS consumer_ids,
              min(received_at) AS first_seen, max(received_at) AS last_seen,
              coalesce(array_agg(DISTINCT correlation_id) FILTER (WHERE correlation_id IS NOT NULL), '{}') AS correlation_ids,
              coalesce(array_agg(DISTINCT error_code) FILTER (WHERE error_code IS NOT NULL), '{}') AS error_codes,
              bool_or(category IN ('security', 'privacy')) AS security
       FROM report WHERE incident_id = $1`,
      [incidentId],
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

  async consumerCounts(incidentIds: string[]): Promise<Map<string, { reports: number; consumers: number }>> {
    if (!incidentIds.length) return new Map();
    const rows: Array<{ incident_id: string; reports: number; consumers: number }> = await this.db.manager.query(
      `SELECT incident_id, count(*)::int AS reports, count(DISTINCT consumer_id)::int AS consumers FROM report WHERE incident_id = ANY($1::uuid[]) GROUP BY incident_id`,
      [incidentIds],
    );
    return new Map(rows.map((r) => [r.incident_id, { reports: r.reports, consumers: r.consumers }]));
  }

  listIncidents(filter: IncidentFilter): Promise<Incident[]> {
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

  // --- escalation ---

  /** Inserts the thread unless the incident has one; the unique index decides under concurrency. */
  async insertEscalationOnce(
    e: Pick<Escalation, 'incidentId' | 'rootMessageId' | 'to' | 'security' | 'escalatedBy' | 'status' | 'sendAfter'>,
  ): Promise<Escalation | null> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `INSERT INTO escalation (incident_id, root_message_id, to_addresses, security, escalated_by, status, send_after, last_message_at, reported_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now(), now()) ON CONFLICT (incident_id) DO NOTHING RETURNING id`,
      [e.incidentId, e.rootMessageId, e.to, e.security, e.escalatedBy, e.status, e.sendAfter],
    );
    return rows.length ? this.db.repository(Escalation).findOneByOrFail({ id: rows[0].id }) : null;
  }

  /** The first message is in the outbox: from now on reports newer than this are follow-ups. */
  async markEscalationSent(id: string, to: string[], security: boolean): Promise<Escalation> {
    await this.db.manager.query(
      `UPDATE escalation SET status = 'sent', to_addresses = $2, security = $3, last_message_at = now(), reported_until = now(), pending_report_ids = '{}' WHERE id = $1`,
      [id, to, security],
    );
    return this.db.repository(Escalation).findOneByOrFail({ id });
  }

  /** Pending escalations whose settle period is over, oldest first. */
  pendingEscalations(now: Date, limit = 20): Promise<Escalation[]> {
    return this.db
      .repository(Escalation)
      .createQueryBuilder('e')
      .where(`e.status = 'pending' AND e.send_after <= :now`, { now })
      .orderBy('e.send_after', 'ASC')
      .limit(limit)
      .getMany();
  }

  lockEscalation(id: string): Promise<Escalation | null> {
    return this.db.repository(Escalation).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id }).getOne();
  }

  /** The latest report received in an environment (history may be imported with future dates). */
  async latestReportAt(environment: Environment): Promise<Date | null> {
    const [row] = await this.db.manager.query(`SELECT max(last_seen_at) AS at FROM incident WHERE environment = $1`, [environment]);
    return row?.at ? new Date(row.at) : null;
  }

  async escalatedAmong(incidentIds: string[]): Promise<Set<string>> {
    if (!incidentIds.length) return new Set();
    const rows = await this.db.repository(Escalation).find({ select: { incidentId: true }, where: { incidentId: In(incidentIds) } });
    return new Set(rows.map((r) => r.incidentId));
  }

  findEscalation(incidentId: string): Promise<Escalation | null> {
    return this.db.repository(Escalation).findOneBy({ incidentId });
  }

  async deleteEscalation(id: string): Promise<void> {
    await this.db.repository(Escalation).delete({ id });
  }

  async moveEscalation(fromIncidentId: string, toIncidentId: string): Promise<void> {
    await this.db.repository(Escalation).update({ incidentId: fromIncidentId }, { incidentId: toIncidentId });
  }

  /** Marks reports that joined an escalated incident by a merge, so the next follow-up tells of them. */
  async addPendingReports(incidentId: string, reportIds: string[]): Promise<void> {
    if (!reportIds.length) return;
    await this.db.manager.query(
      `UPDATE escalation SET pending_report_ids = ARRAY(SELECT DISTINCT unnest(pending_report_ids || $2::uuid[])) WHERE incident_id = $1`,
      [incidentId, reportIds],
    );
  }

  async reportIdsOf(incidentId: string): Promise<string[]> {
    return (await this.db.repository(Report).find({ select: { id: true }, where: { incidentId } })).map((r) => r.id);
  }

  /** Escalations with reports newer than what Skatteetaten was told, and quiet for the digest interval. */
  async escalationsDueForFollowUp(quietSince: Date): Promise<Escalation[]> {
    return this.db
      .repository(Escalation)
      .createQueryBuilder('e')
      .innerJoin(Incident, 'i', 'i.id = e.incident_id AND i.merged_into_id IS NULL')
      .where(`e.status = 'sent'`)
      .andWhere('e.last_message_at <= :quietSince', { quietSince })
      .andWhere(`i.status NOT IN ('resolved', 'closed')`)
      .andWhere(
        `(cardinality(e.pending_report_ids) > 0 OR EXISTS (SELECT 1 FROM report r WHERE r.incident_id = e.incident_id AND r.created_at > e.reported_until))`,
      )
      .getMany();
  }

  /** Computed in SQL: created_at has microseconds, which a JavaScript Date would round away. */
  async markFollowUpSent(escalationId: string, reportIds: string[]): Promise<void> {
    await this.db.manager.query(
      `UPDATE escalation SET last_message_at = now(), followup_count = followup_count + 1,
         reported_until = GREATEST(reported_until, (SELECT max(created_at) FROM report WHERE id = ANY($2::uuid[]))),
         pending_report_ids = ARRAY(SELECT unnest(pending_report_ids) EXCEPT SELECT unnest($2::uuid[]))
       WHERE id = $1`,
      [escalationId, reportIds],
    );
  }

  // --- timeline and merges ---

  async addEvent(incidentId: string, kind: string, actorLabel: string, details: Record<string, unknown> = {}): Promise<void> {
    await this.db.repository(IncidentEvent).insert({ incidentId, kind, actorLabel, details: details as never });
  }

  events(incidentId: string): Promise<IncidentEvent[]> {
    return this.db.repository(IncidentEvent).find({ where: { incidentId }, order: { at: 'ASC', id: 'ASC' } });
  }

  async rejectedPairs(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.db.repository(MergeProposal).find({
      where: [
        { survivorId: In(ids), status: 'rejected' },
        { mergedId: In(ids), status: 'rejected' },
      ],
    });
    return new Set(rows.flatMap((r) => [`${r.survivorId}|${r.mergedId}`, `${r.mergedId}|${r.survivorId}`]));
  }

  async upsertProposal(
    p: Pick<MergeProposal, 'survivorId' | 'mergedId' | 'score' | 'reasons' | 'status'> & { decidedBy?: string | null },
  ): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO merge_proposal (survivor_id, merged_id, score, reasons, status, decided_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (survivor_id, merged_id) DO UPDATE SET score = EXCLUDED.score, reasons = EXCLUDED.reasons,
         status = CASE WHEN merge_proposal.status = 'rejected' THEN 'rejected' ELSE EXCLUDED.status END, decided_by = COALESCE(EXCLUDED.decided_by, merge_proposal.decided_by)`,
      [p.survivorId, p.mergedId, p.score, p.reasons, p.status, p.decidedBy ?? null],
    );
  }

  proposalsFor(incidentId: string): Promise<MergeProposal[]> {
    return this.db
      .repository(MergeProposal)
      .find({ where: [{ survivorId: incidentId }, { mergedId: incidentId }], order: { createdAt: 'DESC' } });
  }

  findProposal(id: string): Promise<MergeProposal | null> {
    return this.db.repository(MergeProposal).findOneBy({ id });
  }

  openProposals(limit = 100): Promise<MergeProposal[]> {
    return this.db.repository(MergeProposal).find({ where: { status: 'proposed' }, order: { createdAt: 'DESC' }, take: limit });
  }

  // --- idempotency ---

  /** Claims the key for this request; returns the existing record when the key was used before. */
  async claimIdempotencyKey(consumerId: string, key: string, requestHash: string): Promise<IdempotencyRecord | null> {
    const rows: unknown[] = await this.db.manager.query(
      `INSERT INTO idempotency_record (consumer_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT (consumer_id, key) DO NOTHING RETURNING key`,
      [consumerId, key, requestHash],
    );
    if (rows.length) return null;
    return this.db.repository(IdempotencyRecord).findOneBy({ consumerId, key });
  }

  async completeIdempotencyKey(consumerId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db
      .repository(IdempotencyRecord)
      .update({ consumerId, key }, { state: 'done', responseStatus: status, responseBody: body as never });
  }

  async releaseIdempotencyKey(consumerId: string, key: string): Promise<void> {
    await this.db.repository(IdempotencyRecord).delete({ consumerId, key, state: 'in-flight' });
  }

  async purgeIdempotencyKeys(olderThan: Date): Promise<number> {
    const r = await this.db.manager.query(`DELETE FROM idempotency_record WHERE created_at < $1`, [olderThan]);
    return Array.isArray(r) ? Number(r[1] ?? 0) : 0;
  }
}
