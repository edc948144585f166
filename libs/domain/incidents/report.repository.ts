import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { In } from 'typeorm';

import { Escalation } from './escalation.entity';
import { Report } from './report.entity';

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

/** Consumers' reports, and what they add up to per incident. */
@Injectable()
export class ReportRepository {
  constructor(private readonly db: DatabaseContext) {}

  insert(report: Partial<Report>): Promise<Report> {
    return this.db.repository(Report).save(this.db.repository(Report).create(report));
  }

  find(id: string): Promise<Report | null> {
    return this.db.repository(Report).findOneBy({ id });
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

  ofIncident(incidentId: string, limit = 500): Promise<Report[]> {
    return this.db.repository(Report).find({ where: { incidentId }, order: { receivedAt: 'ASC' }, take: limit });
  }

  byIds(ids: string[]): Promise<Report[]> {
    return ids.length ? this.db.repository(Report).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  ofConsumer(consumerId: string, limit = 200): Promise<Report[]> {
    return this.db.repository(Report).find({ where: { consumerId }, order: { receivedAt: 'DESC' }, take: limit });
  }

  /** This consumer's first report in an incident, if it has one. */
  firstOfConsumerIn(incidentId: string, consumerId: string): Promise<Report | null> {
    return this.db.repository(Report).findOne({ where: { incidentId, consumerId }, order: { receivedAt: 'ASC' } });
  }

  /** Of these reports, the ones this consumer sent. */
  async ownedBy(consumerId: string, ids: string[]): Promise<Set<string>> {
    const rows = ids.length ? await this.db.repository(Report).find({ select: { id: true }, where: { id: In(ids), consumerId } }) : [];
    return new Set(rows.map((r) => r.id));
  }

  async idsOf(incidentId: string): Promise<string[]> {
    return (await this.db.repository(Report).find({ select: { id: true }, where: { incidentId } })).map((r) => r.id);
  }

  /** Reports Skatteetaten has not been told about (compared in SQL, at full timestamp precision). */
  sinceLastEscalationMessage(incidentId: string): Promise<Report[]> {
    return this.db
      .repository(Report)
      .createQueryBuilder('r')
      .innerJoin(Escalation, 'e', 'e.incident_id = r.incident_id')
      .where('r.incident_id = :incidentId AND (r.created_at > e.reported_until OR r.id = ANY(e.pending_report_ids))', { incidentId })
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

  async closeAllOf(incidentId: string): Promise<void> {
    await this.db.repository(Report).update({ incidentId }, { status: 'closed' });
  }

  async setFeatures(id: string, features: string[]): Promise<void> {
    await this.db.manager.query(`UPDATE report SET features = $2 WHERE id = $1`, [id, features]);
  }

  async statsOf(incidentId: string): Promise<IncidentStats> {
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

  async countsByIncident(incidentIds: string[]): Promise<Map<string, { reports: number; consumers: number }>> {
    if (!incidentIds.length) return new Map();
    const rows: Array<{ incident_id: string; reports: number; consumers: number }> = await this.db.manager.query(
      `SELECT incident_id, count(*)::int AS reports, count(DISTINCT consumer_id)::int AS consumers FROM report WHERE incident_id = ANY($1::uuid[]) GROUP BY incident_id`,
      [incidentIds],
    );
    return new Map(rows.map((r) => [r.incident_id, { reports: r.reports, consumers: r.consumers }]));
  }

  /** Features of the most recent reports, for the corpus statistics. */
  corpusDocuments(limit: number): Promise<Array<{ service: string; features: string[] }>> {
    return this.db.manager.query(`SELECT service, features FROM report ORDER BY received_at DESC LIMIT $1`, [limit]);
  }
}
