import type { IncidentTimelineEvent, SecurityCaseDetail, SecurityCaseEvidence, SecurityCaseSummary } from '@domain/incidents';

import { linkedFailure } from '../shared/form-errors';
import { countOf } from '../shared/numbers';
import type { FormFailure } from '../shared/page-form';
import { COUNTED_NOUNS } from '../shared/shared.texts.nb';
import { eventText } from './incident.view-model';
import {
  SECURITY_CASE_DONE_TEXTS,
  SECURITY_CASE_TEXTS,
  SECURITY_CHECKLIST_LABELS,
  SECURITY_STATE_COLOURS,
  SECURITY_STATE_LABELS,
} from './incidents.texts.nb';

const HOUR = 3_600_000;
/** From this many hours over the deadline, whole days say it better than thousands of hours. */
const DAYS_FROM_HOURS = 48;

/**
 * The time to the deadline in words: whole hours left, rounded towards the deadline (5 h 59 min
 * left is "5 timer igjen"); past it, hours begun ("1 time over fristen") and from 48 hours
 * whole days ("310 dager over fristen").
 */
export function deadlineText(remainingMs: number): string {
  if (remainingMs >= 0) return SECURITY_CASE_TEXTS.left(countOf(Math.floor(remainingMs / HOUR), COUNTED_NOUNS.hour));
  const hours = Math.ceil(-remainingMs / HOUR);
  return SECURITY_CASE_TEXTS.overdue(
    hours >= DAYS_FROM_HOURS ? countOf(Math.floor(hours / 24), COUNTED_NOUNS.day) : countOf(hours, COUNTED_NOUNS.hour),
  );
}

function clock(c: SecurityCaseSummary) {
  return {
    stateLabel: SECURITY_STATE_LABELS[c.state],
    stateColour: SECURITY_STATE_COLOURS[c.state],
    hoursLeftText: c.state === 'done' ? '' : deadlineText(c.remainingMs),
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

/** Where the checklist's fields are (each belongs to one item's form), so the summary of a refusal leads to them. */
const CHECKLIST_FIELD_IDS = { calledName: 'calledName', calledAt: 'calledAt', text: 'containment-text' };

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
      failure: linkedFailure(failure?.body.item === item ? failure : undefined, CHECKLIST_FIELD_IDS),
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
