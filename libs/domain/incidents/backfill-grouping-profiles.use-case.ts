import { Injectable, Logger } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { IncidentRepository } from './incident.repository';
import { ReportRepository } from './report.repository';
import { addCounts, contributionOf, type ProfileCounts } from './rules/incident-profile';
import { signalsOf } from './rules/report-signals';

const BATCH = 200;

/**
 * Incidents and reports stored before matching kept profiles get them once, at start: the
 * open incidents' profiles are built from their reports, and those reports' features filled
 * in, so an upgraded installation groups new reports with the incidents it already has.
 */
@Injectable()
export class BackfillGroupingProfiles {
  private readonly logger = new Logger(BackfillGroupingProfiles.name);

  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
  ) {}

  async execute(): Promise<number> {
    let done = 0;
    for (let ids = await this.incidents.withoutProfile(BATCH); ids.length > 0; ids = await this.incidents.withoutProfile(BATCH)) {
      for (const id of ids) {
        await this.db.transaction(async () => {
          const reports = await this.reports.ofIncident(id, 100_000);
          let profile: ProfileCounts = {};
          for (const r of reports) {
            const signals = signalsOf(r);
            profile = addCounts(profile, contributionOf(signals));
            if (!r.features.length) await this.reports.setFeatures(r.id, [...signals.features]);
          }
          await this.incidents.setProfile(id, profile);
        });
      }
      done += ids.length;
    }
    if (done) this.logger.log(`Built grouping profiles for ${done} incident(s) stored before profiles existed`);
    return done;
  }
}
