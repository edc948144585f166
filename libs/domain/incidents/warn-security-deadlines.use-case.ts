import { ListStaffUsers } from '@domain/identity';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';
import { EnqueueEmail } from '@platform/mail';

import { IncidentRepository } from './incident.repository';
import { SECURITY_DEADLINE_MAIL } from './mail/security-deadline.mail';
import { checklistComplete, HOUR_MS, securityClock, warningsDue } from './rules/security-clock';
import { SecurityCaseRepository } from './security-case.repository';

/**
 * Warns the security role as a case's 72-hour clock runs out: once per configured threshold
 * (hours left), each in one transaction with marking it sent, and not once the checklist is done.
 */
@Injectable()
export class WarnSecurityDeadlines {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DatabaseContext,
    private readonly cases: SecurityCaseRepository,
    private readonly incidents: IncidentRepository,
    private readonly staff: ListStaffUsers,
    private readonly email: EnqueueEmail,
  ) {}

  /** Returns how many warnings (case × threshold) were queued. */
  async execute(now = new Date()): Promise<number> {
    const warn = this.config.securityWarnHours;
    const candidates = (await this.cases.open()).filter(
      ({ case: c, critical }) =>
        warningsDue(securityClock(c.receivedAt, now, warn, checklistComplete(c.checklist, critical)), c.warningsSent).length,
    );
    if (!candidates.length) return 0;
    const recipients = (await this.staff.execute()).filter((u) => u.role === 'security' && u.active).map((u) => u.email);
    let queued = 0;
    for (const { case: candidate, critical } of candidates) {
      queued += await this.db.transaction(async () => {
        // A merge may have moved the case to the surviving incident since it was listed: warned there next round.
        const c = await this.cases.lockByIncident(candidate.incidentId);
        if (!c) return 0;
        const clock = securityClock(c.receivedAt, now, warn, checklistComplete(c.checklist, critical));
        const due = warningsDue(clock, c.warningsSent);
        if (!due.length) return 0;
        const incident = (await this.incidents.find(c.incidentId))!;
        // One warning for every threshold passed while the worker was away, saying the time left now.
        const threshold = Math.min(...due);
        const hoursLeft = Math.max(0, Math.floor(clock.remainingMs / HOUR_MS));
        for (const address of recipients)
          await this.email.execute({
            template: SECURITY_DEADLINE_MAIL,
            to: [address],
            dedupeKey: `security-deadline:${c.id}:${threshold}:${address}`,
            related: { type: 'incident', id: c.incidentId },
            data: {
              reference: incident.reference,
              hoursLeft,
              overdue: clock.remainingMs <= 0,
              deadline: clock.deadline,
              caseUrl: `${this.config.publicUrl}/security-cases/${c.incidentId}`,
            },
          });
        await this.cases.addWarningsSent(c.id, due);
        return due.length;
      });
    }
    return queued;
  }
}
