import { randomUUID } from 'node:crypto';

import { REPORT_CATEGORIES } from '@domain/incidents';
import { ENVIRONMENTS } from '@domain/shared';

import type { FieldMessage, FieldText } from '../shared/form-errors';
import { ENVIRONMENT_LABELS } from '../shared/shared.texts.nb';
import { CATEGORY_CHOICES, REPORT_FIELDS, WORKED_LABELS } from './incidents.texts.nb';
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

/** The check step: knowledge-base answers that fit, and whether the text seems to hold an identity number. */
export function checkViewModel(
  articles: Array<{ id: string; title: string; answer: string; checklist?: unknown }>,
  identityNumber: boolean,
) {
  return {
    checked: true,
    identityNumber,
    suggestions: articles.map((a) => ({ id: a.id, title: a.title, answer: a.answer, checklist: a.checklist })),
  };
}
