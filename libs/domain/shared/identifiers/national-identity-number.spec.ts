import fc from 'fast-check';

import {
  findNationalIdentityNumbers,
  isValidNationalIdentityNumber,
  maskNationalIdentityNumbers,
  NATIONAL_IDENTITY_NUMBER_MASK,
  satisfies2032CheckDigitRule,
  satisfiesCurrentCheckDigitRule,
} from './national-identity-number';
import { organisationNumberCheckDigit } from './organisation-number';

const MASK = NATIONAL_IDENTITY_NUMBER_MASK;

// --- Test helpers: compute control digits independently of the implementation under test. ---

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function weighted(digits: string, weights: number[]): number {
  return weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0);
}

/**
 * Appends both control digits to 9 digits so that the first control sum has remainder
 * `firstRemainder` (0 = current rule; 1–3 = only the 2032 rule; 4–10 = neither) and the second is 0.
 * Returns undefined when a control digit would have to be 10.
 */
function withControlDigits(nine: string, firstRemainder: number): string | undefined {
  const c1 = (((firstRemainder - weighted(nine, W1)) % 11) + 11) % 11;
  if (c1 > 9) return undefined;
  const ten = nine + String(c1);
  const c2 = (11 - (weighted(ten, W2) % 11)) % 11;
  if (c2 > 9) return undefined;
  return ten + String(c2);
}

/** First number with the given 6-digit "date" part whose control digits give `firstRemainder`. */
function makeNumber(datePart: string, firstRemainder: number): string {
  for (let individual = 0; individual < 1000; individual++) {
    const n = withControlDigits(datePart + String(individual).padStart(3, '0'), firstRemainder);
    if (n !== undefined) return n;
  }
  throw new Error(`no number for ${datePart} with remainder ${firstRemainder}`);
}

/** Same digits with the final control digit changed: always invalid, since it has weight 1 in the second sum. */
function withWrongFinalDigit(valid: string, shift = 1): string {
  return valid.slice(0, 10) + String((Number(valid[10]) + shift) % 10);
}

const asSixFive = (digits: string, separator: string) => `${digits.slice(0, 6)}${separator}${digits.slice(6)}`;

// Generators.
const digitChar = fc.constantFrom(...'0123456789'.split(''));
const nineDigits = fc.array(digitChar, { minLength: 9, maxLength: 9 }).map((ds) => ds.join(''));
const validNumber = fc
  .tuple(nineDigits, fc.constantFrom(0, 1, 2, 3))
  .map(([nine, r]) => withControlDigits(nine, r))
  .filter((n): n is string => n !== undefined);
const separator = fc.constantFrom('', ' ', '.', '-');
/** The digits in groups of the given sizes, a space between them. */
const spaced = (digits: string, sizes: number[]): string => {
  let at = 0;
  return sizes.map((size) => digits.slice(at, (at += size))).join(' ');
};
/** The text with its digits in another script or width: each digit's code point counted from that script's zero. */
const inScript = (text: string, zero: number): string =>
  [...text].map((c) => (/[0-9]/.test(c) ? String.fromCodePoint(zero + Number(c)) : c)).join('');
const boundary = fc.constantFrom(' ', '\n', '\t', '(', ')', ':', ',', ';', '"', "'", '/', '.', '-', '[', ']');
const digitlessText = fc
  .oneof(
    fc.string({ unit: fc.constantFrom(...'abcXYZæøåÆØÅ .,-:;()/\n\t_+#'.split('')), maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  )
  // Digits of any script count as digits (a number touching one is part of a longer number).
  .map((s) => s.replace(/\p{Nd}/gu, ''));

// --- Fixtures, hand-checked: ---
// 01019000083: sum1 = 7+1+72+8 = 88 (r 0), sum2 = 4+2+63+16+3 = 88 (r 0) -> current rule.
// 01019000091: sum1 = 7+1+72+9 = 89 (r 1), sum2 = 4+2+63+18+1 = 88 (r 0) -> 2032 rule only.
// 01139000028: sum1 = 7+6+3+72+2 = 90 (r 2), sum2 = 4+3+6+63+4+8 = 88 (r 0) -> 2032 rule only.
// 01019000008: sum1 = 7+1+72+0 = 80 (r 3), sum2 = 4+2+63+0+8 = 77 (r 0) -> 2032 rule only.
// 41819000032: sum1 = 12+7+48+1+72+3 = 143 (r 0), sum2 = 20+4+24+2+63+6+2 = 121 (r 0) -> current rule.
describe('national identity number check digits', () => {
  it.each([
    ['01019000083', true, true],
    ['01019000091', false, true],
    ['01139000028', false, true],
    ['01019000008', false, true],
    ['41819000032', true, true],
  ])('hand-checked %s: current rule %s, 2032 rule %s, valid', (digits, current, rule2032) => {
    expect(satisfiesCurrentCheckDigitRule(digits)).toBe(current);
    expect(satisfies2032CheckDigitRule(digits)).toBe(rule2032);
    expect(isValidNationalIdentityNumber(digits)).toBe(true);
  });

  it('helper agrees with the hand-checked fixtures', () => {
    expect(withControlDigits('010190000', 0)).toBe('01019000083');
    expect(withControlDigits('010190000', 1)).toBe('01019000091');
    expect(withControlDigits('011390000', 2)).toBe('01139000028');
    expect(withControlDigits('010190000', 3)).toBe('01019000008');
  });

  // Date parts: ordinary, impossible dates (only the digits count), D (day + 40), H (month + 40),
  // synthetic (month + 80) and combinations.
  const dateParts: Array<[string, string]> = [
    ['ordinary', '010190'],
    ['ordinary, end of year', '311299'],
    ['non-leap 29 February', '290201'],
    ['day 00', '000190'],
    ['month 13', '011390'],
    ['month 00', '010090'],
    ['day 32', '320190'],
    ['all nines', '999999'],
    ['D-number', '410190'],
    ['D-number, day 71', '710190'],
    ['H-number', '014190'],
    ['H-number, month 52', '015290'],
    ['synthetic', '018190'],
    ['synthetic, month 92', '019290'],
    ['synthetic D-number', '418190'],
    ['synthetic H-number range overlap', '715290'],
  ];

  describe.each(dateParts)('%s (%s)', (_label, datePart) => {
    it('remainder 0: valid under the current rule (and so under the 2032 rule)', () => {
      const n = makeNumber(datePart, 0);
      expect(n.startsWith(datePart)).toBe(true);
      expect(satisfiesCurrentCheckDigitRule(n)).toBe(true);
      expect(satisfies2032CheckDigitRule(n)).toBe(true);
      expect(isValidNationalIdentityNumber(n)).toBe(true);
    });

    it.each([1, 2, 3])('remainder %d: valid only under the 2032 rule', (r) => {
      const n = makeNumber(datePart, r);
      expect(satisfiesCurrentCheckDigitRule(n)).toBe(false);
      expect(satisfies2032CheckDigitRule(n)).toBe(true);
      expect(isValidNationalIdentityNumber(n)).toBe(true);
    });

    it.each([4, 5, 6, 7, 8, 9, 10])('remainder %d: invalid under both rules', (r) => {
      const n = makeNumber(datePart, r);
      expect(satisfiesCurrentCheckDigitRule(n)).toBe(false);
      expect(satisfies2032CheckDigitRule(n)).toBe(false);
      expect(isValidNationalIdentityNumber(n)).toBe(false);
    });

    it.each([0, 1, 2, 3])('remainder %d with a wrong final control digit: invalid', (r) => {
      const n = makeNumber(datePart, r);
      for (let shift = 1; shift <= 9; shift++) {
        expect(isValidNationalIdentityNumber(withWrongFinalDigit(n, shift))).toBe(false);
      }
    });
  });

  it.each([
    ['00000000000', true], // both sums are 0: valid by the digits, whatever it looks like
    ['', false],
    ['0101900008', false],
    ['010190000830', false],
    ['010190 00083', false],
    ['010190-00083', false],
    ['010190.00083', false],
    [' 01019000083', false],
    ['01019000083\n', false],
    ['0101900008a', false],
    ['-1019000083', false],
    ['０１０１９０００８３', false],
    ['01019000084', false],
  ])('%j -> %s', (input, expected) => {
    expect(isValidNationalIdentityNumber(input)).toBe(expected);
  });
});

describe('findNationalIdentityNumbers', () => {
  const current = makeNumber('010190', 0); // 01019000083
  const rule2032 = makeNumber('010190', 2);
  const dNumber = makeNumber('410190', 0);
  const hNumber = makeNumber('014190', 1);
  const synthetic = makeNumber('018190', 3);
  const impossibleDate = makeNumber('011390', 0);
  const invalid = withWrongFinalDigit(current);

  it.each([
    ['bare number', current, current],
    ['2032 rule', rule2032, rule2032],
    ['D-number', dNumber, dNumber],
    ['H-number', hNumber, hNumber],
    ['synthetic', synthetic, synthetic],
    ['impossible date', impossibleDate, impossibleDate],
    ['space separator', asSixFive(current, ' '), current],
    ['dot separator', asSixFive(current, '.'), current],
    ['dash separator', asSixFive(current, '-'), current],
    ['dash separator, 2032 rule', asSixFive(rule2032, '-'), rule2032],
    ['no-break space (pasted from a mail client)', asSixFive(current, '\u00a0'), current],
    ['narrow no-break space', asSixFive(current, '\u202f'), current],
    ['thin space', asSixFive(current, '\u2009'), current],
    ['tab (pasted from a spreadsheet)', asSixFive(current, '\t'), current],
    ['two spaces', asSixFive(current, '  '), current],
    ['spaced dash', asSixFive(current, ' - '), current],
    ['spaced en dash (a word processor’s)', asSixFive(current, ' – '), current],
    ['em dash', asSixFive(current, '—'), current],
    ['minus sign', asSixFive(current, '\u2212'), current],
    ['two dashes', asSixFive(current, '--'), current],
    ['slash separator', asSixFive(current, '/'), current],
    ['underscore separator', asSixFive(current, '_'), current],
    ['line break inside', asSixFive(current, '\n'), current],
    ['birth date with dots', `${current.slice(0, 2)}.${current.slice(2, 4)}.${current.slice(4, 6)} ${current.slice(6)}`, current],
    ['birth date with slashes, dash', `${current.slice(0, 2)}/${current.slice(2, 4)}/${current.slice(4, 6)}-${current.slice(6)}`, current],
    [
      'birth date with dashes, 2032 rule',
      `${rule2032.slice(0, 2)}-${rule2032.slice(2, 4)}-${rule2032.slice(4, 6)} ${rule2032.slice(6)}`,
      rule2032,
    ],
    ['birth date with dots, no gap', `${dNumber.slice(0, 2)}.${dNumber.slice(2, 4)}.${dNumber.slice(4, 6)}${dNumber.slice(6)}`, dNumber],
    ['birth date in spaced pairs (read out on the phone)', spaced(current, [2, 2, 2, 5]), current],
    ['personal number as 3 + 2', spaced(current, [6, 3, 2]), current],
    ['birth date in spaced pairs, personal number as 3 + 2', spaced(rule2032, [2, 2, 2, 3, 2]), rule2032],
    ['personal number as 3 + 2 with a no-break space', `${current.slice(0, 6)} ${current.slice(6, 9)}\u00a0${current.slice(9)}`, current],
    [
      'birth date with the year in full, dots',
      `${current.slice(0, 2)}.${current.slice(2, 4)}.19${current.slice(4, 6)} ${current.slice(6)}`,
      current,
    ],
    [
      'birth date with the year in full, dashes',
      `${dNumber.slice(0, 2)}-${dNumber.slice(2, 4)}-19${dNumber.slice(4, 6)} ${dNumber.slice(6)}`,
      dNumber,
    ],
    [
      'birth date with the year 20xx, slashes',
      `${rule2032.slice(0, 2)}/${rule2032.slice(2, 4)}/20${rule2032.slice(4, 6)}-${rule2032.slice(6)}`,
      rule2032,
    ],
    [
      'birth date with the year in full, personal number as 3 + 2',
      `${current.slice(0, 2)}.${current.slice(2, 4)}.19${current.slice(4, 6)} ${current.slice(6, 9)} ${current.slice(9)}`,
      current,
    ],
    ['zero-width space inside (pasted from a web page)', `${current.slice(0, 6)}\u200b${current.slice(6)}`, current],
    ['zero-width joiner inside', `${rule2032.slice(0, 3)}\u200d${rule2032.slice(3)}`, rule2032],
    ['word joiner after a space', `${current.slice(0, 6)} \u2060${current.slice(6)}`, current],
    ['soft hyphen inside (a word processor’s)', `${dNumber.slice(0, 6)}\u00ad${dNumber.slice(6)}`, dNumber],
    ['byte-order mark inside', `${current.slice(0, 8)}\ufeff${current.slice(8)}`, current],
    ['zero-width space between every digit', [...current].join('\u200b'), current],
    ['fullwidth digits (an East Asian keyboard’s)', inScript(current, 0xff10), current],
    ['Arabic-Indic digits', inScript(rule2032, 0x0660), rule2032],
    ['mathematical bold digits, outside the Basic Multilingual Plane', inScript(asSixFive(dNumber, ' '), 0x1d7ce), dNumber],
    ['mathematical monospace digits (the fifth run of ten)', inScript(current, 0x1d7f6), current],
    [
      'birth date with the year in full, spaces',
      `${current.slice(0, 2)} ${current.slice(2, 4)} 19${current.slice(4, 6)} ${current.slice(6)}`,
      current,
    ],
    [
      'birth date with the year in full, no separators, then a gap',
      `${current.slice(0, 4)}19${current.slice(4, 6)} ${current.slice(6)}`,
      current,
    ],
    [
      'birth date with thin spaces (a word processor’s)',
      `${rule2032.slice(0, 2)}\u2009${rule2032.slice(2, 4)}\u2009${rule2032.slice(4, 6)} ${rule2032.slice(6)}`,
      rule2032,
    ],
    [
      'personal number as 3 + 2 with a narrow no-break space',
      `${current.slice(0, 6)} ${current.slice(6, 9)}\u202f${current.slice(9)}`,
      current,
    ],
    ['personal number as 3 + 2 with a tab', `${dNumber.slice(0, 6)} ${dNumber.slice(6, 9)}\t${dNumber.slice(9)}`, dNumber],
    ['one digit at a time, narrow no-break spaces', [...rule2032].join('\u202f'), rule2032],
    ['one digit at a time', [...current].join(' '), current],
    ['one digit at a time, no-break spaces', [...synthetic].join('\u00a0'), synthetic],
  ])('finds a %s', (_label, written, digits) => {
    for (const [before, after] of [
      ['', ''],
      ['Fnr: ', '.'],
      ['(', ')'],
      ['fødselsnummer ', ', takk'],
      ['linje1\n', '\nlinje3'],
      ['"', '"'],
      ['a ', ' b'],
      ['fnr', ''],
      ['ID:', 'x'],
      ['fnr.', 'abc'],
      ['Ø', 'å'],
    ]) {
      const text = `${before}${written}${after}`;
      expect(findNationalIdentityNumbers(text)).toEqual([{ start: before.length, end: before.length + written.length, digits }]);
    }
  });

  it('finds several numbers with their positions, in order', () => {
    const a = asSixFive(current, ' ');
    const b = dNumber;
    const c = asSixFive(synthetic, '.');
    const text = `Søker ${a} og ${b}, barn: ${c}.`;
    expect(findNationalIdentityNumbers(text)).toEqual([
      { start: text.indexOf(a), end: text.indexOf(a) + a.length, digits: current },
      { start: text.indexOf(b), end: text.indexOf(b) + b.length, digits: dNumber },
      { start: text.indexOf(c), end: text.indexOf(c) + c.length, digits: synthetic },
    ]);
  });

  it.each([
    ['wrong final control digit', invalid],
    ['wrong final control digit, space', asSixFive(invalid, ' ')],
    ['first remainder 4', makeNumber('010190', 4)],
    ['first remainder 10', makeNumber('010190', 10)],
    ['comma separator (a decimal number)', asSixFive(current, ',')],
    ['a gap of four', asSixFive(current, ' -- ')],
    [
      'birth date in spaced pairs, mixed with dots',
      `${current.slice(0, 2)} ${current.slice(2, 4)}.${current.slice(4, 6)} ${current.slice(6)}`,
    ],
    ['personal number as 2 + 3', `${current.slice(0, 6)} ${current.slice(6, 8)} ${current.slice(8)}`],
    [
      'birth date with a year of another century',
      `${current.slice(0, 2)}.${current.slice(2, 4)}.17${current.slice(4, 6)} ${current.slice(6)}`,
    ],
    ['birth date with the year in full, no separators', `${current.slice(0, 4)}19${current.slice(4)}`],
    ['5 + 6 split', `${current.slice(0, 5)} ${current.slice(5)}`],
    ['birth date with mixed separators', `${current.slice(0, 2)}.${current.slice(2, 4)}/${current.slice(4, 6)} ${current.slice(6)}`],
    ['account number shape, dots', `${current.slice(0, 4)}.${current.slice(4, 6)}.${current.slice(6)}`],
    ['account number shape, spaces', `${current.slice(0, 4)} ${current.slice(4, 6)} ${current.slice(6)}`],
    ['digit before (12 digits)', `9${current}`],
    ['digit after (12 digits)', `${current}7`],
    ['digit before, separated form', `9${asSixFive(current, ' ')}`],
    ['digit after, separated form', `${asSixFive(current, '-')}0`],
    ['longer run of digits', `12345${current}67890`],
    ['UUID final segment', `123e4567-e89b-12d3-a456-${current}0`],
    ['UUID final segment, leading digit', `123e4567-e89b-12d3-a456-4${current}`],
    ['phone number', '+47 912 34 567'],
    ['phone number, compact', '+4791234567'],
    ['phone number, 00 prefix', '004791234567'],
    ['phone number, spaced pairs', '91 23 45 67'],
    ['organisation number', '974760673'],
    ['organisation number, grouped', '974 760 673'],
    ['organisation number, VAT', 'NO 974 760 673 MVA'],
    ['organisation number, VAT compact', 'NO974760673MVA'],
    ['account number', '1234.56.78903'],
    ['IBAN', 'NO9386011117947'],
    ['date and time', '2024-01-01 12:00'],
    ['fullwidth digit before (12 digits)', `９${current}`],
    ['zero-width space before a digit (12 digits)', `9\u200b${current}`],
    ['one digit at a time, 12 digits', [...`9${current}`].join(' ')],
    ['one digit at a time, two spaces', [...current].join('  ')],
    ['one digit at a time, mixed separators', [...current].map((d, i) => (i ? (i % 2 ? ' ' : '.') : '') + d).join('')],
  ])('does not find: %s', (_label, text) => {
    expect(findNationalIdentityNumbers(text)).toEqual([]);
    expect(findNationalIdentityNumbers(`Tekst ${text} slutt`)).toEqual([]);
  });

  it('keeps a number that overlaps only a match already dropped for overlapping the one before', () => {
    // The middle match (a full-year date from the first number's last digits) overlaps both others.
    const text = '01.01.90 000 83.01.1990 000 39.05.85 000 15';
    const digits = findNationalIdentityNumbers(text).map((m) => m.digits);
    expect(digits).toEqual(['01019000083', '39058500015']);
    expect(findNationalIdentityNumbers('83.01.1990 000 39').map((m) => m.digits)).toEqual(['83019000039']);
  });

  it('does not let a rejected candidate hide a valid number next to it', () => {
    const text = `${asSixFive(invalid, ' ')} ${current}`;
    expect(findNationalIdentityNumbers(text)).toEqual([{ start: text.length - 11, end: text.length, digits: current }]);
  });

  it('property: never matches a valid organisation number, wherever it is', () => {
    const orgNumber = fc
      .array(digitChar, { minLength: 8, maxLength: 8 })
      .map((ds) => ds.join(''))
      .map((eight) => ({ eight, check: organisationNumberCheckDigit(eight) }))
      .filter((x): x is { eight: string; check: number } => x.check !== undefined)
      .map(({ eight, check }) => `${eight}${check}`);
    fc.assert(
      fc.property(digitlessText, orgNumber, boundary, boundary, digitlessText, (before, org, b1, b2, after) => {
        expect(findNationalIdentityNumbers(`${before}${b1}${org}${b2}${after}`)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: a valid number glued to another digit is not found (it is part of a longer number)', () => {
    fc.assert(
      fc.property(validNumber, separator, digitChar, fc.boolean(), (n, sep, g, gluedBefore) => {
        const written = asSixFive(n, sep);
        const text = gluedBefore ? ` ${g}${written} ` : ` ${written}${g} `;
        expect(findNationalIdentityNumbers(text)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: a valid number is found whatever letters or punctuation touch it', () => {
    const glue = fc.string({ unit: fc.constantFrom(...'aZxFføåÆ:()[]{}<>#_/+=*\'"!?'.split('')), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(validNumber, separator, glue, glue, digitlessText, (n, sep, before, after, context) => {
        const written = asSixFive(n, sep);
        const text = `${context}${before}${written}${after}${context}`;
        const start = context.length + before.length;
        expect(findNationalIdentityNumbers(text)).toEqual([{ start, end: start + written.length, digits: n }]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('maskNationalIdentityNumbers', () => {
  const current = makeNumber('010190', 0);
  const rule2032 = makeNumber('311299', 1);
  const dNumber = makeNumber('710190', 3);
  const synthetic = makeNumber('019290', 0);

  it('leaves a UUID alone (a correlation id) but masks the same digits outside it', () => {
    const uuid = `123e4567-e89b-12d3-a456-a${current}`;
    expect(maskNationalIdentityNumbers(`korrelasjon ${uuid} og fnr${current}`)).toEqual({
      text: `korrelasjon ${uuid} og fnr${MASK}`,
      found: [current],
    });
    expect(maskNationalIdentityNumbers(uuid.toUpperCase())).toEqual({ text: uuid.toUpperCase(), found: [] });
  });

  it('the mask keeps no digits', () => {
    expect(MASK).toBe('[fødselsnummer fjernet]');
    expect(MASK).not.toMatch(/[0-9]/);
  });

  it.each([
    ['bare', current, MASK, [current]],
    ['in a sentence', `Mitt fnr er ${current}.`, `Mitt fnr er ${MASK}.`, [current]],
    ['space', `fnr ${asSixFive(rule2032, ' ')} ok`, `fnr ${MASK} ok`, [rule2032]],
    ['dot', `(${asSixFive(dNumber, '.')})`, `(${MASK})`, [dNumber]],
    ['dash', `${asSixFive(synthetic, '-')}\n`, `${MASK}\n`, [synthetic]],
    [
      'several, duplicates kept in order',
      `${current}, ${rule2032} og ${current}`,
      `${MASK}, ${MASK} og ${MASK}`,
      [current, rule2032, current],
    ],
    [
      'next to things that are not numbers',
      `Org 974760673, tlf +47 912 34 567, id 123e4567-e89b-12d3-a456-${synthetic}0, fnr ${current}`,
      `Org 974760673, tlf +47 912 34 567, id 123e4567-e89b-12d3-a456-${synthetic}0, fnr ${MASK}`,
      [current],
    ],
    ['in a hex id that is not a UUID still masked', `ref 123e4567e89b-a${current}`, `ref 123e4567e89b-a${MASK}`, [current]],
    ['glued to letters on both sides', `fnr${current}x og ID:${rule2032}abc`, `fnr${MASK}x og ID:${MASK}abc`, [current, rule2032]],
    [
      '6+5 inside brackets',
      `person (${asSixFive(dNumber, ' ')}), søker ${asSixFive(synthetic, '-')}`,
      `person (${MASK}), søker ${MASK}`,
      [dNumber, synthetic],
    ],
    [
      'zero-width spaces go with the number',
      `fnr\u200b ${current.slice(0, 6)}\u200b${current.slice(6)}\u200b.`,
      `fnr\u200b ${MASK}\u200b.`,
      [current],
    ],
    ['fullwidth, found as ASCII digits', `fnr ${inScript(rule2032, 0xff10)}`, `fnr ${MASK}`, [rule2032]],
    ['invalid left alone', `fnr ${withWrongFinalDigit(current)}`, `fnr ${withWrongFinalDigit(current)}`, []],
    ['nothing', 'Ingen nummer her', 'Ingen nummer her', []],
    ['empty', '', '', []],
  ])('%s', (_label, input, expectedText, expectedFound) => {
    const result = maskNationalIdentityNumbers(input);
    expect(result).toEqual({ text: expectedText, found: expectedFound });
    for (const digits of expectedFound) {
      expect(result.text).not.toContain(digits);
    }
  });

  it.each([
    `${current}`,
    `a ${asSixFive(current, ' ')} b ${asSixFive(rule2032, '.')} c ${asSixFive(dNumber, '-')}`,
    `${current}-${current}`,
    `${current} ${current}`,
    `[${current}]`,
    `123456-${current}`,
    `${withWrongFinalDigit(current)} ${current}`,
  ])('is idempotent: %j', (input) => {
    const once = maskNationalIdentityNumbers(input);
    const twice = maskNationalIdentityNumbers(once.text);
    expect(twice.text).toBe(once.text);
    expect(twice.found).toEqual([]);
  });

  it('property: a valid number embedded in random text is masked and gone afterwards', () => {
    fc.assert(
      fc.property(digitlessText, boundary, validNumber, separator, boundary, digitlessText, (before, b1, n, sep, b2, after) => {
        const written = asSixFive(n, sep);
        const result = maskNationalIdentityNumbers(`${before}${b1}${written}${b2}${after}`);
        expect(result.found).toEqual([n]);
        expect(result.text).toBe(`${before}${b1}${MASK}${b2}${after}`);
        expect(result.text).not.toContain(n);
        expect(result.text).not.toContain(written);
        expect(result.text).not.toMatch(/[0-9]/);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: a valid number alone, or at the very start or end, is masked', () => {
    fc.assert(
      fc.property(validNumber, separator, boundary, digitlessText, fc.boolean(), (n, sep, b, text, atStart) => {
        const written = asSixFive(n, sep);
        const input = atStart ? `${written}${b}${text}` : `${text}${b}${written}`;
        const expected = atStart ? `${MASK}${b}${text}` : `${text}${b}${MASK}`;
        expect(maskNationalIdentityNumbers(written)).toEqual({ text: MASK, found: [n] });
        expect(maskNationalIdentityNumbers(input)).toEqual({ text: expected, found: [n] });
      }),
      { numRuns: 500 },
    );
  });

  it('property: a number with a wrong final control digit is left untouched', () => {
    fc.assert(
      fc.property(
        digitlessText,
        boundary,
        validNumber,
        fc.integer({ min: 1, max: 9 }),
        separator,
        boundary,
        digitlessText,
        (before, b1, n, shift, sep, b2, after) => {
          const wrong = withWrongFinalDigit(n, shift);
          expect(isValidNationalIdentityNumber(wrong)).toBe(false);
          const input = `${before}${b1}${asSixFive(wrong, sep)}${b2}${after}`;
          expect(maskNationalIdentityNumbers(input)).toEqual({ text: input, found: [] });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('property: masking twice equals masking once, for any text', () => {
    const noisy = fc.string({ unit: fc.constantFrom(...'0123456789 .-a'.split('')), maxLength: 60 });
    const withNumbers = fc
      .array(
        fc.oneof(
          noisy,
          fc.tuple(validNumber, separator).map(([n, sep]) => asSixFive(n, sep)),
        ),
        { maxLength: 6 },
      )
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.oneof(noisy, withNumbers), (input) => {
        const once = maskNationalIdentityNumbers(input);
        const twice = maskNationalIdentityNumbers(once.text);
        expect(twice.text).toBe(once.text);
        expect(twice.found).toEqual([]);
        expect(once.found.every(isValidNationalIdentityNumber)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
