import type { ConsumerReportPage, ConversationQueries, IncidentQueries, IncidentStatus, KnownIncident } from '@domain/incidents';

import { text } from '../shared/form-body';
import { linkedFailure } from '../shared/form-errors';
import { type ListQuery, pagination } from '../shared/list-query';
import type { FormFailure } from '../shared/page-form';
import { COUNTED_NOUNS, ENVIRONMENT_LABELS } from '../shared/shared.texts.nb';
import {
  CATEGORY_CHOICES,
  CONVERSATION_TEXTS,
  KNOWN_INCIDENT_TEXTS,
  REPORT_FORM_TEXTS,
  REPORT_STATUS_LABELS,
  REVEAL_TEXTS,
  SENT_BY_VENDOR,
  STATUS_LABELS,
  WORKED_LABELS,
} from './incidents.texts.nb';
import { knownIncidentViewModel } from './report-form.view-model';

export type ReportView = Awaited<ReturnType<IncidentQueries['report']>>;
export type ReportConversation = Awaited<ReturnType<ConversationQueries['ofReport']>>;

/** «Fagsystem AS (org.nr. 987654321)» for a report a vendor sent for the municipality; null otherwise. */
export function sentByVendor(report: { vendorOrganisationNumber: string | null; vendorName: string | null }): string | null {
  return report.vendorOrganisationNumber ? SENT_BY_VENDOR.text(report.vendorName, report.vendorOrganisationNumber) : null;
}

const incidentStatusLabel = (status: string | null | undefined) =>
  status ? (STATUS_LABELS[status as IncidentStatus] ?? status) : undefined;

/** The original text of a masked report, field by field, for the security officer who asked and why. */
export function revealViewModel(incidentId: string, report: ReportView, reason: string, originals: Record<string, string>) {
  return {
    title: REVEAL_TEXTS.title(report.reference),
    incidentId,
    report,
    reason,
    fields: Object.entries(originals).map(([field, value]) => ({ label: REVEAL_TEXTS.fields[field] ?? field, value })),
  };
}

/** A page of the organisation's own reports in the portal, newest first. */
export function consumerReportsViewModel(page: ConsumerReportPage, list: ListQuery<'received'>) {
  return {
    title: REPORT_FORM_TEXTS.listTitle,
    layout: 'portal',
    pagination: pagination({ path: '/portal/reports', filter: {}, query: list }, page.total, COUNTED_NOUNS.report),
    reports: page.items.map((r) => ({
      ...r,
      environmentLabel: ENVIRONMENT_LABELS[r.environment as keyof typeof ENVIRONMENT_LABELS] ?? r.environment,
      statusLabel: REPORT_STATUS_LABELS[r.status] ?? r.status,
      incidentStatusLabel: incidentStatusLabel(r.incidentStatus),
    })),
  };
}

/**
 * One of the organisation's reports in the portal, with the notice when personal data was masked,
 * the known problem its incident is (when it is one), and what joining it did (`joined`: new or already).
 */
export function consumerReportViewModel(
  report: ReportView,
  received: boolean,
  maskingNotice: string,
  known: KnownIncident | null = null,
  joined?: string,
) {
  const worked = report.hasWorkedBefore === true ? 'yes' : report.hasWorkedBefore === false ? 'no' : 'unknown';
  return {
    title: REPORT_FORM_TEXTS.reportTitle(report.reference),
    layout: 'portal',
    received,
    report: {
      ...report,
      environmentLabel: ENVIRONMENT_LABELS[report.environment as keyof typeof ENVIRONMENT_LABELS] ?? report.environment,
      categoryLabel: CATEGORY_CHOICES[report.category],
      statusLabel: REPORT_STATUS_LABELS[report.status] ?? report.status,
      incidentStatusLabel: incidentStatusLabel(report.incidentStatus) ?? report.incidentStatus,
      workedLabel: WORKED_LABELS[worked],
      sentByVendor: sentByVendor(report),
    },
    sentByVendorLabel: SENT_BY_VENDOR.label,
    maskingNotice: report.personalDataMasked ? maskingNotice : null,
    known: knownIncidentViewModel(known),
    joinedText:
      !known || !joined
        ? null
        : joined === 'already'
          ? KNOWN_INCIDENT_TEXTS.alreadyJoined(known.reference)
          : KNOWN_INCIDENT_TEXTS.joined(known.reference),
  };
}

/**
 * The messages between KS and the municipality about a report (KS's and its own), the reply form
 * (with what a failed reply held), and until when a resolved report can be reopened.
 */
export function portalConversationViewModel(conversation: ReportConversation, failure?: FormFailure) {
  const reply = linkedFailure(failure?.form === 'reply' ? failure : undefined, { body: 'reply-body' });
  return {
    messages: conversation.messages.map((m) => ({
      id: m.id,
      at: m.at,
      body: m.body,
      heading: m.direction === 'out' ? CONVERSATION_TEXTS.fromKs : CONVERSATION_TEXTS.fromUs(m.channel),
      ours: m.direction === 'in',
    })),
    reply: { body: text(reply?.body.body), failure: reply, bodyError: reply?.fieldErrors.find((f) => f.name === 'body')?.message },
    reopenUntil: conversation.reopenUntil,
    reopenFailure: failure?.form === 'reopen' ? failure : undefined,
  };
}
