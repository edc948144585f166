import type { IncidentTimelineEvent, SecurityCaseDetail, SecurityCaseEvidence, SecurityCaseSummary } from '@domain/incidents';

import type { FormFailure } from '../shared/page-form';
import { eventText } from './incident.view-model';
import {
  SECURITY_CASE_DONE_TEXTS,
  SECURITY_CASE_TEXTS,
  SECURITY_CHECKLIST_LABELS,
  SECURITY_STATE_COLOURS,
  SECURITY_STATE_LABELS,
} from './incidents.texts.nb';

const HOUR = 3_600_000;

/** Whole hours left, rounded towards the deadline (a case with 5 h 59 min left has 5). */
const hoursLeft = (remainingMs: number) => (remainingMs >= 0 ? Math.floor(remainingMs / HOUR) : -Math.ceil(-remainingMs / HOUR));

function clock(c: SecurityCaseSummary) {
  return {
    stateLabel: SECURITY_STATE_LABELS[c.state],
    stateColour: SECURITY_STATE_COLOURS[c.state],
    hoursLeftText: c.state === 'done' ? '' : SECURITY_CASE_TEXTS.hoursLeft(hoursLeft(c.remainingMs)),
  };
}

/** Every case with its deadline; those the viewer may not read show that they exist, not what they hold. */
export function securityCaseListViewModel(cases: SecurityCaseSummary[]) {
  return {
    title: SECURITY_CASE_TEXTS.listTitle,
    cases: cases.map((c) => ({
      ...c,
      ...clock(c),
      title: c.readable ? c.title : SECURITY_CASE_TEXTS.restricted,
      href: c.readable ? `/security-cases/${c.incidentId}` : null,
    })),
  };
}

/** One case: its clock, reports and checklist, each item done (by whom, when) or a form to record it. */
export function securityCaseViewModel(c: SecurityCaseDetail, canManage: boolean, failure?: FormFailure, done?: string) {
  const items = (Object.keys(SECURITY_CHECKLIST_LABELS) as Array<keyof typeof SECURITY_CHECKLIST_LABELS>).map((item) => {
    const mark = c.checklist[item];
    return {
      item,
      label: SECURITY_CHECKLIST_LABELS[item],
      required: c.required.includes(item),
      done: !!mark,
      by: mark?.by,
      at: mark?.at,
      calledName: item === 'skeCalled' ? c.checklist.skeCalled?.calledName : undefined,
      calledAt: item === 'skeCalled' ? c.checklist.skeCalled?.calledAt : undefined,
      text: item === 'containment' ? c.checklist.containment?.text : undefined,
      form: canManage && !mark,
      failure: failure?.body.item === item ? failure : undefined,
    };
  });
  return {
    title: SECURITY_CASE_TEXTS.caseTitle(c.reference),
    case: { ...c, ...clock(c) },
    items,
    done: done ? SECURITY_CASE_DONE_TEXTS[done] : undefined,
  };
}

/** The printable evidence for the municipality's breach record: timeline in words, checklist, reveal log. */
export function securityEvidenceViewModel(e: SecurityCaseEvidence) {
  return {
    ...securityCaseViewModel(e, false),
    title: SECURITY_CASE_TEXTS.evidenceTitle(e.reference),
    layout: 'bare',
    caseTitle: e.title,
    exportedAt: e.exportedAt,
    timeline: e.timeline.map((t) => ({ at: t.at, actorLabel: t.actorLabel, text: eventText(t as IncidentTimelineEvent).text })),
    reveals: e.personalDataRevealed,
  };
}
