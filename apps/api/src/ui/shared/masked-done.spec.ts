import { maskedDone } from './masked-done';

describe('maskedDone', () => {
  it.each([
    ['no text', [], 'asked'],
    ['plain text', ['Hvordan får vi tilgang?', 'Vi trenger hjelp.'], 'asked'],
    ['an identity number in the second text', ['Emne', 'Gjelder 01019000083, se vedlegg'], 'asked-masked'],
    ['a D-number', ['Gjelder 41819000032'], 'asked-masked'],
    ['eleven digits that fail the check digits', ['Saksnummer 12345678901'], 'asked'],
    ['empty and missing texts', ['', null, undefined], 'asked'],
  ])('%s', (_what, texts, expected) => {
    expect(maskedDone('asked', ...texts)).toBe(expected);
  });
});
