import type { DomainException } from '@platform/errors';

import { ERROR_KIND_TEXTS, listEntryLabel, SHARED_ERROR_TEXTS, UNKNOWN_FIELD_MESSAGE } from './shared.texts.nb';

/** A form field as the page names it, and what a correct value looks like. */
export interface FieldText {
  label: string;
  message: string;
  /** A list entered one per line: the label names the entry ("Eskaleringsadresser, nr. 2"). */
  perLine?: boolean;
}

/** A page's Norwegian texts for the errors its forms can meet, chosen by stable code and field name. */
export interface PageTexts {
  /** error code → what to tell the person */
  errors?: Readonly<Record<string, string>>;
  /** field name as the use case names it, list indexes left out (`contacts.email`) → its label and rule */
  fields?: Readonly<Record<string, FieldText>>;
  /** an error code that concerns one field (`unknown_service` → `service`): shown beside it */
  errorFields?: Readonly<Record<string, string>>;
  /** the same per form, for a code two forms of the page share about different fields (form → code → field) */
  formErrorFields?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface FieldMessage {
  /** the field as the use case named it (`contacts[0].email`) */
  field: string;
  /** the same without list indexes, as forms and texts name it (`contacts.email`) */
  name: string;
  label: string;
  message: string;
  /** where the field's control is on the page (`#orgNumber`), when the page says */
  href?: string;
}

export interface FailureText {
  error: string;
  fieldErrors: FieldMessage[];
}

const INDEX = /\[(\d+)\]/g;

export const fieldName = (field: string): string => field.replace(INDEX, '');

function fieldLabel(field: string, text: FieldText | undefined): string {
  if (!text) return field;
  const line = /\[(\d+)\]/.exec(field);
  return text.perLine && line ? listEntryLabel(text.label, Number(line[1]) + 1) : text.label;
}

/**
 * The Norwegian account of a failed form: the page's text for the error code (else the shared one,
 * else one by kind), and per field the page's rule for it; `form` is which of the page's forms was
 * posted. The exception's own message is for API clients and never shown.
 */
export function describeFailure(e: Pick<DomainException, 'kind' | 'code' | 'fields'>, texts: PageTexts, form?: string): FailureText {
  const error = texts.errors?.[e.code] ?? SHARED_ERROR_TEXTS[e.code] ?? ERROR_KIND_TEXTS[e.kind];
  const field = (f: string, message: string): FieldMessage => {
    const text = texts.fields?.[fieldName(f)];
    return { field: f, name: fieldName(f), label: fieldLabel(f, text), message };
  };
  const at = (form !== undefined ? texts.formErrorFields?.[form]?.[e.code] : undefined) ?? texts.errorFields?.[e.code];
  if (at) return { error, fieldErrors: [field(at, error)] };
  // A validation error names what is wrong per field; any other error with fields is about the values named.
  const fieldErrors = e.fields.map((f) =>
    field(f.field, e.kind === 'validation' ? (texts.fields?.[fieldName(f.field)]?.message ?? UNKNOWN_FIELD_MESSAGE) : error),
  );
  return { error, fieldErrors };
}

/** The fields a refusal names (list indexes left out), for the page to mark them `aria-invalid`. */
export function invalidFields(fieldErrors: readonly FieldMessage[] = []): Record<string, true> {
  return Object.fromEntries(fieldErrors.map((f) => [f.name, true]));
}

/**
 * Each field error linked to the control that holds the field on the page (element ids by field
 * name, list indexes left out), so the error summary leads to what must be corrected. A field the
 * page does not place stays unlinked rather than linked to nothing.
 */
export function linkedToFields(fieldErrors: readonly FieldMessage[], ids: Readonly<Record<string, string>>): FieldMessage[] {
  return fieldErrors.map((f) => (Object.hasOwn(ids, f.name) ? { ...f, href: `#${ids[f.name]}` } : f));
}

/**
 * A refusal to show beside its form, each field it names linked to its control (see linkedToFields),
 * and the fields it names, for the form to mark them `aria-invalid`.
 */
export function linkedFailure<F extends FailureText>(
  failure: F | undefined,
  ids: Readonly<Record<string, string>>,
): (F & { invalid: Record<string, true> }) | undefined {
  return failure && { ...failure, fieldErrors: linkedToFields(failure.fieldErrors, ids), invalid: invalidFields(failure.fieldErrors) };
}
