import { RecordAudit } from '@domain/audit';
import { actorOf, consumerAuthorLabel, type ConsumerPrincipal, requireAccess } from '@domain/shared';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';

import { EscalationRepository } from './escalation.repository';
import type { IncidentStatus } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentConversation } from './incident-conversation';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentNotResolved, ReopenWindowClosed, ReportNotFound } from './incidents.exceptions';
import { ReportRepository } from './report.repository';
import { ReportOwnership } from './report-ownership';
import { reopenedStatus, withinReopenWindow } from './rules/reopen-window';

/**
 * A municipality says the problem is not solved after all: within REPORT_REOPEN_DAYS of the
 * resolution its report opens again and so does the incident (escalated again when its thread to
 * Skatteetaten was sent, else triaged or new), with a timeline entry; the owner hears of it.
 */
@Injectable()
export class ReopenReport {
  constructor(
    private readonly db: DatabaseContext,
    private readonly access: ReportOwnership,
    private readonly reports: ReportRepository,
    private readonly incidents: IncidentRepository,
    private readonly escalations: EscalationRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly conversation: IncidentConversation,
    private readonly audit: RecordAudit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(caller: ConsumerPrincipal, reportId: string, now = new Date()): Promise<{ status: IncidentStatus }> {
    await requireAccess(this.access, caller, 'report.reply', [reportId]);
    const report = await this.reports.find(reportId);
    if (!report) throw new ReportNotFound();
    return this.db.transaction(async () => {
      const incident = (await this.incidents.lockSurvivor(report.incidentId))!;
      if (incident.status !== 'resolved' && incident.status !== 'closed') throw new IncidentNotResolved(incident.reference);
      if (!withinReopenWindow(incident.resolvedAt, now, this.config.reportReopenDays))
        throw new ReopenWindowClosed(this.config.reportReopenDays);
      const escalation = await this.escalations.ofIncident(incident.id);
      const status = reopenedStatus(escalation?.status === 'sent', incident.side);
      await this.incidents.update(incident.id, { status, resolvedAt: null, reopenCount: incident.reopenCount + 1 });
      await this.reports.reopen(report.id);
      await this.timeline.record(incident.id, 'reopened', consumerAuthorLabel(caller), { report: report.reference, status });
      await this.conversation.notifyOwner(incident, `${incident.id}:reopened:${incident.reopenCount + 1}`, 'reopened', caller.name);
      await this.audit.execute({
        actor: actorOf(caller),
        action: 'incident.reopened',
        objectType: 'incident',
        objectId: incident.id,
        before: { status: incident.status },
        after: { status, report: report.reference },
      });
      return { status };
    });
  }
}
