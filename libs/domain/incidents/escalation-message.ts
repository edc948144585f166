import { FindServicesInForce } from '@domain/catalogue';
import { FindConsumers } from '@domain/consumers';
import { ENVIRONMENT_MAIL_LABELS } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import type { ToldMark } from './escalation.repository';
import { Incident } from './incident.entity';
import { NoEscalationAddress } from './incidents.exceptions';
import type { EscalationMail, EscalationSample } from './mail/escalation.mail';
import { SEVERITY_LABELS } from './mail/incident-mail.texts.nb';
import { Report } from './report.entity';
import { IncidentStats, ReportRepository } from './report.repository';
import { judgedSecurityMatter } from './rules/incident-visibility';

// Skatteetaten needs enough ids to search its logs, not every one of a national outage.
const MAX_CORRELATION_IDS = 25;
const SAMPLE_DESCRIPTIONS = 3;
const EXCERPT_CHARS = 600;
export const SECURITY_DEADLINE_HOURS = 72;

export interface EscalationDraft {
  to: string[];
  security: boolean;
  data: EscalationMail;
}

function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)} …` : text;
}

/**
 * Builds the consolidated escalation: who receives it and everything Skatteetaten needs in one
 * message. Shared by the escalation itself and its preview, so staff see exactly what is sent.
 */
@Injectable()
export class EscalationMessage {
  constructor(
    private readonly reports: ReportRepository,
    private readonly catalogue: FindServicesInForce,
    private readonly consumers: FindConsumers,
  ) {}

  /**
   * The message for the incident as it stands, or, given the mark taken before a first message
   * (EscalationRepository.toldMark), as that mark saw it: a report that commits while the message
   * is read is then the first update's, not told in both.
   */
  async draft(incident: Incident, readBy?: ToldMark): Promise<EscalationDraft> {
    const stats = await this.reports.statsOf(incident.id, readBy);
    // A security or privacy report makes it a security matter, and so does staff's judgement.
    const security = stats.hasSecurityReports || judgedSecurityMatter(incident);
    const services = await this.catalogue.execute(incident.services);
    const to = [...new Set(services.flatMap((s) => (security ? s.securityEmails : s.escalationEmails)).map((a) => a.toLowerCase()))];
    if (!to.length) throw new NoEscalationAddress(incident.services);
    const reports = readBy
      ? await this.reports.ofIncidentReadBy(incident.id, readBy, 2000)
      : await this.reports.ofIncident(incident.id, 2000);
    return {
      to,
      security,
      data: await this.data(
        incident,
        stats,
        reports,
        services.map((s) => s.name || s.code),
        security,
      ),
    };
  }

  async data(
    incident: Incident,
    stats: IncidentStats,
    reports: Report[],
    serviceNames: string[],
    security: boolean,
  ): Promise<EscalationMail> {
    const consumers = await this.consumers.byIds(stats.consumerIds);
    const samples = this.samples(reports);
    const first = stats.firstSeenAt ?? incident.openedAt;
    return {
      reference: incident.reference,
      title: incident.title,
      environment: ENVIRONMENT_MAIL_LABELS[incident.environment],
      services: serviceNames.length ? serviceNames : incident.services,
      faultSince: earliest(reports.map((r) => r.occurredAt)),
      firstSeenAt: first,
      lastSeenAt: stats.lastSeenAt ?? incident.lastSeenAt,
      consumerCount: stats.consumerCount,
      reportCount: stats.reportCount,
      consumers: consumers.map((c) => `${c.name} (${c.orgNumber})`).sort(),
      errorCodes: stats.errorCodes,
      httpStatuses: [...new Set(reports.map((r) => r.httpStatus).filter((s): s is number => !!s))].sort(),
      correlationIds: stats.correlationIds.slice(0, MAX_CORRELATION_IDS),
      moreCorrelationIds: Math.max(0, stats.correlationIds.length - MAX_CORRELATION_IDS),
      samples,
      severity: incident.severity && SEVERITY_LABELS[incident.severity],
      skeCaseReference: incident.skeCaseReference,
      security,
      deadline: security ? new Date(new Date(first).getTime() + SECURITY_DEADLINE_HOURS * 3_600_000) : null,
    };
  }

  /** The first report and the latest ones that say something different. */
  samples(reports: Report[]): EscalationSample[] {
    const picked: Report[] = [];
    const seen = new Set<string>();
    for (const r of [reports[0], ...[...reports].reverse()]) {
      if (!r) continue;
      const key = r.description.trim().toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      picked.push(r);
      if (picked.length >= SAMPLE_DESCRIPTIONS) break;
    }
    return picked.map((r) => ({ title: r.title, description: excerpt(r.description), receivedAt: r.receivedAt, errorCode: r.errorCode }));
  }
}

function earliest(times: Array<Date | null>): Date | null {
  const known = times.filter((t): t is Date => t !== null).map((t) => new Date(t).getTime());
  return known.length ? new Date(Math.min(...known)) : null;
}
