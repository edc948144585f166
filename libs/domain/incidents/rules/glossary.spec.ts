import { compileGlossary, conceptFeature, type GlossaryEntry } from './glossary';

const source = { title: 'test', url: 'https://example.test' };
const entries: GlossaryEntry[] = [
  { id: 'fri-bil', area: 'a-ordningen', nb: ['fri bil'], nn: ['fri bil'], en: ['company car*'], source, broader: 'naturalytelse' },
  { id: 'naturalytelse', area: 'a-ordningen', nb: ['naturalytels*'], nn: ['naturalyting*'], en: ['benefits in kind'], source },
  { id: 'bil', area: 'api', nb: ['bil'], nn: ['bil'], en: ['car'], source },
  { id: 'bolig', area: 'eiendom', nb: ['bolig*'], nn: ['bustad*'], en: ['dwelling*'], source },
  { id: 'formue', area: 'skattegrunnlag', nb: ['formue'], nn: ['formue'], en: ['wealth'], source },
];
const g = compileGlossary(entries);
const rewrite = (text: string) => g.rewrite(text.split(' '));

describe('compileGlossary', () => {
  it.each([
    ['a one-word term', 'ingen naturalytelser i dag', ['ingen', '_naturalytelse', 'i', 'dag']],
    ['the longest term wins, and names its broader concept', 'fri bil mangler', ['_fri_bil', '_naturalytelse', 'mangler']],
    ['a wildcard matches inflections', 'company cars are gone', ['_fri_bil', '_naturalytelse', 'are', 'gone']],
    ['a multi-word English term', 'benefits in kind', ['_naturalytelse']],
    ['a wildcard term takes a whole compound that starts with it', 'boligtypen feil', ['_bolig', 'feil']],
    ['a compound whose modifier is a term (with the linking s)', 'formuesposter mangler', ['_formue', 'formuesposter', 'mangler']],
    ['nothing to rewrite', 'alt er fint', ['alt', 'er', 'fint']],
  ])('%s', (_name, text, expected) => expect(rewrite(text)).toEqual(expected));

  it('knows its concepts', () => {
    expect(g.concepts.has(conceptFeature('fri-bil'))).toBe(true);
    expect(conceptFeature('fri-bil')).toBe('_fri_bil');
  });
});
