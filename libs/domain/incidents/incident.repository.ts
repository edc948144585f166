import type { Environment } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import type { CandidateQuery } from './grouping-flow';
import { Incident, IncidentSide, IncidentStatus, Severity } from './incident.entity';
import type { ProfileCounts } from './rules/incident-profile';
import type { KnownIncidentCandidate } from './rules/known-incident';
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

/** Incidents and their grouping profiles. */
@Injectable()
export class IncidentRepository {
  constructor(private readonly db: DatabaseContext) {}

  /**
   * Open incidents in one environment that were opened by `at` and active within the lookback
   * (plus `alsoInclude`), the most recently active first, capped; each with the number of
   * distinct consumers that reported it in the wave window before `at`, and the titles of
   * `consumerId`'s reports in it. The same semantics as the evaluation's in-memory store.
   */
  async candidates(
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

  /**
   * Open incidents of one service and environment (whatever their last activity: an escalated
   * problem stays known while Skatteetaten works on it), with what tells whether KS knows of them.
   */
  async openOnService(environment: Environment, service: string, limit = 50): Promise<KnownIncidentCandidate[]> {
    const rows: Array<{
      id: string;
      track: Incident['track'];
      side: IncidentSide;
      escalated: boolean;
      consumers: number;
      last_seen_at: Date;
    }> = await this.db.manager.query(
      `SELECT i.id, i.track, i.side, i.last_seen_at,
                EXISTS (SELECT 1 FROM escalation e WHERE e.incident_id = i.id) AS escalated,
                (SELECT count(DISTINCT r.consumer_id)::int FROM report r WHERE r.incident_id = i.id) AS consumers
         FROM incident i
         WHERE i.environment = $1 AND $2 = ANY(i.services) AND i.merged_into_id IS NULL AND i.status IN ('new', 'triaged', 'escalated')
         ORDER BY i.last_seen_at DESC LIMIT $3`,
      [environment, service, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      track: r.track,
      side: r.side,
      escalated: r.escalated,
      consumerCount: r.consumers,
      lastSeenAt: new Date(r.last_seen_at),
    }));
  }

  insert(incident: Partial<Incident>): Promise<Incident> {
    return this.db.repository(Incident).save(this.db.repository(Incident).create(incident));
  }

  /**
   * Records a new report on an incident: its contribution is added to the profile in SQL, so
   * concurrent attaches to one incident never lose each other's counts. Runs last in the intake
   * transaction, so the incident row stays locked only until commit.
   */
  async attachReport(
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

  findByReference(reference: string): Promise<Incident | null> {
    return this.db.repository(Incident).findOneBy({ reference });
  }

  lock(id: string): Promise<Incident | null> {
    return this.db.repository(Incident).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
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

  /** The latest report received in an environment (history may be imported with future dates). */
  async latestReportAt(environment: Environment): Promise<Date | null> {
    const [row] = await this.db.manager.query(`SELECT max(last_seen_at) AS at FROM incident WHERE environment = $1`, [environment]);
    return row?.at ? new Date(row.at) : null;
  }
}
