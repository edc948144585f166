import { COUNTED_NOUNS, type CountedNoun } from './shared.texts.nb';

/** A noun's singular and plural form, as a texts module names them. */
export interface PluralForms {
  one: string;
  other: string;
}

const RULES = new Intl.PluralRules('nb');
const NUMBER = new Intl.NumberFormat('nb-NO');

/** The form bokmål uses for `count` (1 → one; 0, 2, 1,5 → other). */
export const pluralForm = (count: number, forms: PluralForms): string => (RULES.select(count) === 'one' ? forms.one : forms.other);

/** A whole number in Norwegian format: `1 234`. */
export const formatWhole = (n: number): string => NUMBER.format(n);

/** `1 hendelse`, `2 hendelser`, `1 234 konsumenter`: the number in Norwegian format and the noun in its form. */
export const countOf = (count: number, forms: PluralForms): string => `${NUMBER.format(count)} ${pluralForm(count, forms)}`;

/** The forms of a noun the shared texts name; unknown keys fail loudly, so a typo in a view never renders half a sentence. */
export function nounForms(noun: string): PluralForms {
  if (!Object.hasOwn(COUNTED_NOUNS, noun)) throw new Error(`no plural forms for "${noun}" in COUNTED_NOUNS`);
  return COUNTED_NOUNS[noun as CountedNoun];
}

/** A decimal number as bokmål writes it: `0,50`. */
export const decimal = (n: number, fractionDigits: number): string =>
  n.toLocaleString('nb-NO', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });

const KB = 1024;
/** A file size as people read it: bytes, kB or MB. */
export function sizeText(bytes: number): string {
  if (bytes < KB) return `${bytes} byte`;
  if (bytes < KB * KB) return `${Math.round(bytes / KB)} kB`;
  return `${(bytes / KB / KB).toFixed(1).replace('.', ',')} MB`;
}
