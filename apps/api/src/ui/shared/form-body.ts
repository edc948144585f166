/** An HTML form as the body parser gives it: a field sent twice arrives as a list. */
export type FormBody = Record<string, string | string[] | undefined>;

/** The field as one trimmed string ('' when absent). */
export const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : Array.isArray(v) ? String(v[0] ?? '').trim() : '');

/** The field as text, or null when left empty. */
export const nullable = (v: unknown): string | null => text(v) || null;

/**
 * The version of what an edit form showed (its hidden `version` field), as the versions the change
 * accepts; none from a form that did not send one.
 */
export const expectedVersionsOf = (b: FormBody): string[] | undefined => (text(b.version) ? [text(b.version)] : undefined);

/**
 * Whether a field was left as the page showed it: the page sends what it showed in a hidden
 * `current…` field beside it. A form saves only the fields a person changed, so it does not set
 * back what someone else changed meanwhile. False when the page sent no such field.
 */
export const leftAsShown = (b: FormBody, shownField: string, value: string): boolean =>
  b[shownField] !== undefined && text(b[shownField]) === value;

/** Fields that may repeat arrive as a string when only one is sent; empty entries are dropped. */
export const list = (v: unknown): string[] => (v === undefined || v === null ? [] : [v].flat().map(String).filter(Boolean));

/** The values that are among the allowed ones. */
export const pick = <T extends string>(values: string[], allowed: readonly T[]): T[] =>
  values.filter((v): v is T => (allowed as readonly string[]).includes(v));

/** One allowed value, or undefined. */
export const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined => pick([text(value)], allowed)[0];

/** The choices of a select or radio group, each labelled and marked when chosen. */
export const choices = <T extends string>(values: readonly T[], labels: Record<T, string>, chosen?: string | readonly string[]) =>
  values.map((value) => ({
    value,
    label: labels[value],
    selected: typeof chosen === 'string' ? chosen === value : !!chosen?.includes(value),
  }));
