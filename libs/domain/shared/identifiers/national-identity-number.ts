/**
 * Norwegian national identity numbers (fødselsnummer, D-number, H-number, synthetic test numbers):
 * 11 digits where the last two are mod-11 control digits.
 *
 * We write this rule ourselves because the available libraries validate the birth date (and so
 * reject real D-, H- and synthetic test numbers whose "date" is not a calendar date) and do not
 * know the rule for numbers issued from 2032, which relaxes the first control digit. Masking must
 * not miss a real number, so validity here is the control digits only; the date is never inspected.
 */

/** Weights for the first control sum, over the first 10 digits (including the first control digit). */
const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1] as const;
/** Weights for the second control sum, over all 11 digits. */
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/** Remainders of the first control sum accepted by the rule for numbers issued from 2032. */
const RULE_2032_FIRST_REMAINDERS: ReadonlySet<number> = new Set([0, 1, 2, 3]);

export const NATIONAL_IDENTITY_NUMBER_MASK = '[fødselsnummer fjernet]';

export interface NationalIdentityNumberMatch {
  /** Index of the first character of the match in the searched text. */
  start: number;
  /** Index just after the last character of the match (exclusive), like `String.prototype.slice`. */
  end: number;
  /** The 11 digits, without any separator. */
  digits: string;
}

function controlRemainders(digits: string): { first: number; second: number } | undefined {
  if (!/^[0-9]{11}$/.test(digits)) {
    return undefined;
  }
  let sum1 = 0;
  for (let i = 0; i < K1.length; i++) {
    sum1 += K1[i] * Number(digits[i]);
  }
  let sum2 = 0;
  for (let i = 0; i < K2.length; i++) {
    sum2 += K2[i] * Number(digits[i]);
  }
  return { first: sum1 % 11, second: sum2 % 11 };
}

/** The check-digit rule in use today: both control sums divisible by 11. */
export function satisfiesCurrentCheckDigitRule(digits: string): boolean {
  const r = controlRemainders(digits);
  return r !== undefined && r.first === 0 && r.second === 0;
}

/** The check-digit rule for numbers issued from 2032: first remainder 0–3, second control sum divisible by 11. */
export function satisfies2032CheckDigitRule(digits: string): boolean {
  const r = controlRemainders(digits);
  return r !== undefined && RULE_2032_FIRST_REMAINDERS.has(r.first) && r.second === 0;
}

/** True when `digits` is exactly 11 ASCII digits that satisfy either check-digit rule. */
export function isValidNationalIdentityNumber(digits: string): boolean {
  return satisfiesCurrentCheckDigitRule(digits) || satisfies2032CheckDigitRule(digits);
}

// Between the birth date and the personal number: up to three spaces of any kind (text pasted
// from a word processor or mail client brings no-break and thin spaces, a spreadsheet brings
// tabs), dots, dashes of any kind (word processors turn " - " into " – "), underscores or slashes.
// Not a comma: "123456,12345" is a decimal number in Norwegian.
const GAP = '[\\s._/\\-\\u2010-\\u2015\\u2212]{0,3}';
// 11 digits, or the birth date (6 digits, or day, month and year with the same dot, slash, dash
// or space between them: "01.01.90", "01 01 90") and the personal number (5 digits, or 3 and 2
// with a space: "124 80") with a gap between them, not touching other digits (so longer numbers
// are left alone). Letters and punctuation may touch it: people write "fnr12345678901",
// "ID:12345678901x" and "(123456 78901)", and a number glued to a word is still a person's number.
// The price is that an 11-digit run inside a hex id may be masked. An account number (4 + 2 + 5
// digits) does not have a birth date's shape.
// One space of any kind within a line: typed, no-break (a mail client's), narrow or thin (a word processor's), a tab.
const SPACE = '[\\t \\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]';
const PERSONAL_NUMBER = `([0-9]{3})${SPACE}?([0-9]{2})`;
const SHORT_YEAR = new RegExp(`(?<![0-9])([0-9]{2})((?:[./-]|${SPACE})?)([0-9]{2})\\2([0-9]{2})${GAP}${PERSONAL_NUMBER}(?![0-9])`, 'g');
// The birth date with the year in full, as forms and letters write it ("01.01.1990 12480",
// "01011990 12480"): the number holds the year's last two digits. Written without separators in
// the date it needs a gap before the personal number: 13 digits in a row are some other number.
const FULL_YEAR = new RegExp(
  `(?<![0-9])([0-9]{2})((?:[./-]|${SPACE})?)([0-9]{2})\\2(?:18|19|20)([0-9]{2})(${GAP})${PERSONAL_NUMBER}(?![0-9])`,
  'g',
);
// One digit at a time with a space between (read out, or typed so that filters miss it).
const DIGIT_BY_DIGIT = new RegExp(`(?<![0-9]${SPACE}?)[0-9](?:${SPACE}[0-9]){10}(?!${SPACE}?[0-9])`, 'g');
// Except inside a UUID: correlation ids and message ids are UUIDs, about one in 300 has an
// 11-digit run in its last group, and masking it would break the id staff search for.
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** A way of writing the number, and how to read its 11 digits from a match ('' when the match is not this spelling after all). */
interface Spelling {
  pattern: RegExp;
  digits(match: RegExpExecArray): string;
}

const SPELLINGS: readonly Spelling[] = [
  { pattern: SHORT_YEAR, digits: (m) => m[1] + m[3] + m[4] + m[5] + m[6] },
  { pattern: FULL_YEAR, digits: (m) => (m[2] || m[5] ? m[1] + m[3] + m[4] + m[6] + m[7] : '') },
  { pattern: DIGIT_BY_DIGIT, digits: (m) => m[0].replace(/[^0-9]/g, '') },
];

function uuidSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(UUID)].map((m) => [m.index, m.index + m[0].length]);
}

/** Matches of one spelling whose check digits hold, outside UUIDs. */
function matchesOf(spelling: Spelling, text: string, insideUuid: (start: number, end: number) => boolean): NationalIdentityNumberMatch[] {
  const matches: NationalIdentityNumberMatch[] = [];
  const pattern = new RegExp(spelling.pattern.source, spelling.pattern.flags);
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    const digits = spelling.digits(m);
    const start = m.index;
    const end = start + m[0].length;
    if (isValidNationalIdentityNumber(digits) && !insideUuid(start, end)) matches.push({ start, end, digits });
    // Resume right after the start so a rejected candidate cannot hide one that overlaps it.
    else pattern.lastIndex = m.index + 1;
  }
  return matches;
}

// Characters that show as nothing (zero-width spaces and joiners, the word joiner, the soft
// hyphen, a byte-order mark: Unicode's format characters) and digits of other scripts or widths
// (fullwidth ０-９, Arabic-Indic): pasted text brings them, and a number written with them reads
// the same to a person. The text is searched without the first and with the second as ASCII.
const FORMAT = /\p{Cf}/u;
const DECIMAL_DIGIT = /\p{Nd}/u;
const NEEDS_FOLDING = /\p{Cf}|(?![0-9])\p{Nd}/u;

/** A decimal digit's value: Unicode assigns them in runs of ten, 0 to 9, so it is its place in its run. */
function digitValue(codePoint: number): number {
  let place = 0;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - place - 1))) place++;
  return place % 10;
}

/** The text as searched, and where each of its characters came from in the original. */
function folded(text: string): { text: string; starts: number[]; ends: number[] } {
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of text) {
    const next = index + char.length;
    if (!FORMAT.test(char)) {
      const ascii = char >= '0' && char <= '9' ? char : DECIMAL_DIGIT.test(char) ? String(digitValue(char.codePointAt(0)!)) : char;
      for (const unit of ascii) {
        out += unit;
        starts.push(index);
        ends.push(next);
      }
    }
    index = next;
  }
  return { text: out, starts, ends };
}

function findInFolded(text: string): NationalIdentityNumberMatch[] {
  // Found only when a candidate's check digits hold: most texts (every e-mail) have none.
  let uuids: Array<[number, number]> | undefined;
  const insideUuid = (start: number, end: number) => (uuids ??= uuidSpans(text)).some(([a, b]) => a <= start && end <= b);
  const found = SPELLINGS.flatMap((spelling) => matchesOf(spelling, text, insideUuid)).sort((a, b) => a.start - b.start || b.end - a.end);
  // Of matches that overlap, the first (and longest) one is kept; the next one kept starts after it.
  const kept: NationalIdentityNumberMatch[] = [];
  for (const match of found) if (!kept.length || match.start >= kept[kept.length - 1].end) kept.push(match);
  return kept;
}

/** Finds national identity numbers with valid check digits in free text, in order of appearance. */
export function findNationalIdentityNumbers(text: string): NationalIdentityNumberMatch[] {
  if (!NEEDS_FOLDING.test(text)) return findInFolded(text);
  const view = folded(text);
  // Positions in the original text: from the first character matched to the end of the last.
  return findInFolded(view.text).map((m) => ({ ...m, start: view.starts[m.start], end: view.ends[m.end - 1] }));
}

/**
 * Replaces every national identity number found in `text` with a fixed mask that keeps none of its
 * digits, and returns the removed numbers (11 digits, no separator) in order of appearance.
 */
export function maskNationalIdentityNumbers(text: string): { text: string; found: string[] } {
  const matches = findNationalIdentityNumbers(text);
  if (matches.length === 0) {
    return { text, found: [] };
  }
  let masked = '';
  let cursor = 0;
  for (const match of matches) {
    masked += text.slice(cursor, match.start) + NATIONAL_IDENTITY_NUMBER_MASK;
    cursor = match.end;
  }
  masked += text.slice(cursor);
  return { text: masked, found: matches.map((match) => match.digits) };
}

/** The text with every identity number masked, for a caller that keeps nothing of what was found (logs, e-mail). */
export function withoutNationalIdentityNumbers(text: string): string {
  return maskNationalIdentityNumbers(text).text;
}
