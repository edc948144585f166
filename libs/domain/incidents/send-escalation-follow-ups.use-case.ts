import { FindConsumers } from '@domain/consumers';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';
import { EnqueueEmail } from '@platform/mail';

import { Escalation } from './escalation.entity';
import { EscalationRepository } from './escalation.repository';
import { EscalationMessage } from './escalation-message';
import { EscalationThread } from './escalation-thread';
import { isSettled } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { ESCALATION_FOLLOW_UP_MAIL } from './mail/escalation-follow-up.mail';
import { ReportRepository } from './report.repository';
import { untoldReopening, untoldThreadMerges } from './rules/escalation-thread-news';
import { automaticUpdatesAllowed } from './rules/incident-visibility';

/**
 * Later reports on an escalated incident reach Skatteetaten as at most one threaded reply per
 * digest interval (In-Reply-To/References the thread's first message), never a new thread. The
 * first one after KS reopened the incident, having closed the thread, says it was reopened; the
 * first one after another incident's thread was merged into it names that incident. An ordinary
 * thread gets none once staff judged the incident a security matter (automaticUpdatesAllowed).
 */
@Injectable()
export class SendEscalationFollowUps {
  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly escalations: EscalationRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly consumers: FindConsumers,
    private readonly message: EscalationMessage,
    private readonly email: EnqueueEmail,
    private readonly thread: EscalationThread,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(now = new Date()): Promise<number> {
    const due = await this.escalations.dueForFollowUp(new Date(now.getTime() - this.config.escalationDigestMinutes * 60_000));
    let sent = 0;
    for (const escalation of due) if (await this.followUp(escalation)) sent++;
    return sent;
  }

  private followUp(escalation: Escalation): Promise<boolean> {
    return this.db.transaction(async () => {
      const incident = await this.incidents.lock(escalation.incidentId);
      const current = await this.escalations.ofIncident(escalation.incidentId);
      if (!incident || !current || current.followupCount !== escalation.followupCount) return false;
      // Resolved since it was found due: the closing message was the thread's last word.
      if (isSettled(incident)) return false;
      // Moved to the security side since: the ordinary channel hears no more of it.
      if (!automaticUpdatesAllowed(incident, current)) return false;
      // What this update tells: a report committed after it is news for the next one, however old its transaction.
      const mark = await this.escalations.toldMark(incident.id);
      const fresh = await this.reports.sinceLastEscalationMessage(incident.id, mark);
      if (!fresh.length) return false;
      const stats = await this.reports.statsOf(incident.id);
      const newConsumers = await this.consumers.byIds([...new Set(fresh.map((r) => r.consumerId))]);
      const { threadSubject, ...inThread } = await this.thread.replyIn(incident.id, current.rootMessageId);
      const told = await this.timeline.threadNews(incident.id);
      await this.email.execute({
        template: ESCALATION_FOLLOW_UP_MAIL,
        to: current.to,
        ...inThread,
        dedupeKey: `escalation-follow-up:${current.id}:${current.followupCount + 1}`,
        related: { type: 'incident', id: incident.id },
        data: {
          reference: incident.reference,
          title: incident.title,
          threadSubject,
          newReports: fresh.length,
          consumerCount: stats.consumerCount,
          reportCount: stats.reportCount,
          newConsumers: newConsumers.map((c) => `${c.name} (${c.orgNumber})`).sort(),
          newErrorCodes: [...new Set(fresh.map((r) => r.errorCode).filter((c): c is string => !!c))],
          correlationIds: [...new Set(fresh.map((r) => r.correlationId).filter((c): c is string => !!c))].slice(0, 25),
          samples: this.message.samples(fresh),
          security: current.security,
          skeCaseReference: incident.skeCaseReference,
          reopenedAt: untoldReopening(told, current.createdAt),
          mergedThreads: untoldThreadMerges(told),
        },
      });
      await this.escalations.markFollowUpSent(
        current.id,
        fresh.map((r) => r.id),
        mark,
      );
      await this.timeline.record(incident.id, 'follow_up_sent', 'system', { newReports: fresh.length });
      return true;
    });
  }
}
