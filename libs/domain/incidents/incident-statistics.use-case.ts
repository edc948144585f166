import { FindConsumers } from '@domain/consumers';
import { Injectable } from '@nestjs/common';
import type { WeeklyCounts } from '@platform/database';

import { EscalationRepository } from './escalation.repository';
import type { IncidentStatus } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { OPEN_STATUSES } from './incident-queries.use-case';
import { ReportRepository, type ReportWeeklyKey } from './report.repository';
import { AGE_BUCKETS, type AgeBucket, ageBucket } from './rules/incident-age';

export type { ReportWeeklyKey } from './report.repository';
export { AGE_BUCKETS, type AgeBucket, ageBucket } from './rules/incident-age';
export type { WeeklyCounts } from '@platform/database';

/** Open incidents of one status, counted per age bucket (in the order of AGE_BUCKETS). */
export interface OpenIncidentAges {
  status: IncidentStatus;
  counts: Record<AgeBucket, number>;
}

/** A municipality (consumer) with the open incidents it reported in and its reports in them. */
export interface ConsumerOpenIssues {
  consumerId: string;
  name: string;
  incidents: number;
  reports: number;
}

/** Read-only figures of reports, incidents and escalations for the staff dashboards. */
@Injectable()
export class IncidentStatistics {
  constructor(
    private readonly reports: ReportRepository,
    private readonly incidents: IncidentRepository,
    private readonly escalations: EscalationRepository,
    private readonly consumers: FindConsumers,
  ) {}

  /** Reports received per week by service or category, the `weeks` Norwegian weeks up to the one `until` is in. */
  reportsPerWeek(by: ReportWeeklyKey, weeks: number, until = new Date()): Promise<WeeklyCounts> {
    return this.reports.perWeek(by, until, weeks);
  }

  /** Escalations to Skatteetaten started per week (keys 'ordinary' and 'security'). */
  escalationsPerWeek(weeks: number, until = new Date()): Promise<WeeklyCounts> {
    return this.escalations.perWeek(until, weeks);
  }

  /** Every open status, with its incidents counted by how long they have been open at `at`. */
  async openIncidentsByAge(at = new Date()): Promise<OpenIncidentAges[]> {
    const rows = await this.incidents.openDays(OPEN_STATUSES, at);
    return OPEN_STATUSES.map((status) => {
      const counts = Object.fromEntries(AGE_BUCKETS.map((b) => [b, 0])) as Record<AgeBucket, number>;
      for (const r of rows.filter((row) => row.status === status)) counts[ageBucket(r.days)] += r.count;
      return { status, counts };
    });
  }

  /** The `limit` consumers with the most open incidents (then most reports in them). */
  async mostOpenIssues(limit: number): Promise<ConsumerOpenIssues[]> {
    const rows = await this.reports.mostOpenIssues(OPEN_STATUSES, limit);
    const names = new Map((await this.consumers.byIds(rows.map((r) => r.consumerId))).map((c) => [c.id, c.name]));
    return rows.map((r) => ({ ...r, name: names.get(r.consumerId) ?? '' }));
  }
}
