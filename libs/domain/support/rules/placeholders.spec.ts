import { fillPlaceholders, unknownPlaceholders } from './placeholders';

const values = { navn: 'Kari', referanse: 'HV-2026-0001', kommune: 'Oslo kommune', emne: 'Tilgang' };

describe('canned response placeholders', () => {
  it.each<[string, string]>([
    ['Hei {{navn}}, vi ser på {{referanse}}.', 'Hei Kari, vi ser på HV-2026-0001.'],
    ['{{ kommune }} / {{NAVN}}', 'Oslo kommune / Kari'],
    ['Uten plassholdere.', 'Uten plassholdere.'],
    ['{{ukjent}} blir stående', '{{ukjent}} blir stående'],
  ])('%j becomes %j', (text, expected) => {
    expect(fillPlaceholders(text, values)).toBe(expected);
  });

  it('fills a missing value with nothing', () => {
    expect(fillPlaceholders('Hei {{navn}}!', { navn: null })).toBe('Hei !');
  });

  it('never reads a value as a placeholder or as markup', () => {
    const filled = fillPlaceholders('Hei {{navn}} ({{referanse}})', { navn: '{{referanse}} <b>x</b>', referanse: 'R' });
    expect(filled).toBe('Hei {{referanse}} <b>x</b> (R)');
  });

  it.each<[string, string[]]>([
    ['Hei {{navn}} og {{kommune}}', []],
    ['Hei {{nvan}} og {{nvan}} {{x}}', ['nvan', 'x']],
  ])('unknown in %j: %j', (text, unknown) => {
    expect(unknownPlaceholders(text)).toEqual(unknown);
  });
});
