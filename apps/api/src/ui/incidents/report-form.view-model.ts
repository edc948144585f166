import { randomUUID } from 'node:crypto';

import { type KnownIncident, REPORT_CATEGORIES } from '@domain/incidents';
import { ENVIRONMENTS } from '@domain/shared';

import type { FieldMessage, FieldText } from '../shared/form-errors';
import { ENVIRONMENT_LABELS } from '../shared/shared.texts.nb';
import { CATEGORY_CHOICES, KNOWN_INCIDENT_TEXTS, REPORT_FIELDS, STATUS_LABELS, WORKED_LABELS } from './incidents.texts.nb';
import { WORKED_BEFORE } from './report.forms';

export type FormValues = Record<string, unknown>;

/**
 * The view model of the checklist's fields: the values entered (with a submission id for a new
 * form), the choices, and one message per field. `fields` names every field the form keeps, in form order.
 */
export function reportFieldsViewModel(
  services: Array<{ code: string; name: string }>,
  values: FormValues,
  fieldErrors: FieldMessage[] = [],
  fields: Record<string, FieldText> = REPORT_FIELDS,
) {
  const v = (k: string) => (values[k] === undefined || values[k] === null ? '' : String(values[k]));
  // One message per field: the first that failed says enough.
  const errors: Record<string, string> = {};
  for (const f of fieldErrors) errors[f.name] ??= f.message;
  return {
    values: { ...Object.fromEntries(Object.keys(fields).map((k) => [k, v(k)])), submissionId: v('submissionId') || randomUUID() } as Record<
      string,
      string
    >,
    serviceOptions: services.map((s) => ({
      value: s.code,
      label: s.name === s.code ? s.code : `${s.name} (${s.code})`,
      selected: v('service') === s.code || services.length === 1,
    })),
    environmentOptions: ENVIRONMENTS.map((e) => ({ value: e, label: ENVIRONMENT_LABELS[e], checked: v('environment') === e })),
    categoryOptions: REPORT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_CHOICES[c], checked: (v('category') || 'incident') === c })),
    workedOptions: WORKED_BEFORE.map((w) => ({ value: w, label: WORKED_LABELS[w], checked: (v('hasWorkedBefore') || 'unknown') === w })),
    errors,
    errorSummary: Object.keys(fields)
      .filter((name) => errors[name])
      .map((name) => ({ field: name, label: fields[name].label, message: errors[name] })),
  };
}

/** Who reads the known-problem box: the municipality itself, or KS staff registering a report for it. */
export type KnownIncidentReader = 'municipality' | 'staff';

/** A known problem as a municipality may see it: reference, the title KS gave it, how many are affected, status. */
export function knownIncidentViewModel(
  known: KnownIncident | null | undefined,
  joinAction?: string,
  reader: KnownIncidentReader = 'municipality',
) {
  if (!known) return null;
  const voice = reader === 'staff' ? KNOWN_INCIDENT_TEXTS.staff : KNOWN_INCIDENT_TEXTS;
  return {
    id: known.id,
    reference: known.reference,
    heading: KNOWN_INCIDENT_TEXTS.heading,
    summary: KNOWN_INCIDENT_TEXTS.summary(known.reference, known.affectedCount, known.escalated),
    title: KNOWN_INCIDENT_TEXTS.title(known.title),
    statusLabel: STATUS_LABELS[known.status] ?? known.status,
    affectedCount: known.affectedCount,
    affected: known.affected,
    alreadyAffected: known.affected ? voice.alreadyAffected : null,
    // Joining again would only lead to the report already there and drop what was just written.
    joinAction: joinAction && !known.affected ? joinAction.replace(':id', known.id) : null,
    joinLabel: voice.join,
    joinHelp: voice.joinHelp,
  };
}

/**
 * The check step: knowledge-base answers that fit, whether the text seems to hold an identity
 * number, and the known problem it may be (with where "Vi er også berørt" posts the form).
 */
export function checkViewModel(
  articles: Array<{ id: string; slug: string; title: string; answer: string; checklist?: unknown }>,
  identityNumber: boolean,
  known: KnownIncident | null = null,
  joinAction?: string,
  reader: KnownIncidentReader = 'municipality',
) {
  return {
    checked: true,
    identityNumber,
    suggestions: articles.map((a) => ({ id: a.id, slug: a.slug, title: a.title, answer: a.answer, checklist: a.checklist })),
    known: knownIncidentViewModel(known, joinAction, reader),
  };
}
