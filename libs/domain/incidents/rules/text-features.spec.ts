import { foldedWords, foldForMatching, stem, stripBoilerplate, textFeatures } from './text-features';

describe('foldForMatching', () => {
  it.each([
    ['Får ikke svar', 'far ikke svar'],
    ['faar ikke svar', 'far ikke svar'],
    ['Søkere på Ærøy', 'sokere pa aeroy'],
    ['Café', 'cafe'],
  ])('%s → %s', (input, expected) => expect(foldForMatching(input)).toBe(expected));
});

describe('foldedWords', () => {
  it.each([
    ['drops correlation ids', 'Korrelasjons-ID 7c1b76aa-7513-441d-82e4-7b84f572556b feilet', ['korrelasjons', 'id', 'feilet']],
    ['drops error codes (compared as codes)', 'Kode SSG-008 og invalid_scope', ['kode', 'og']],
    ['drops masked identity numbers and long digit runs', 'Søker [fødselsnummer fjernet] og 12345678', ['soker', 'og']],
    ['drops e-mail addresses and hosts', 'Skriv til kari@kommune.no eller https://api.skatteetaten.no/x', ['skriv', 'til', 'eller', 'x']],
  ])('%s', (_name, text, expected) => expect(foldedWords(text)).toEqual(expected));
});

describe('stripBoilerplate', () => {
  it.each([
    ['Hei KS, Vi får 503. Mvh IT-tjenesten', 'Vi får 503.'],
    ['Dear KS support, Every call fails. Kind regards, operations', 'Every call fails.'],
    ['God morgon. Ingen svar. Venleg helsing Kari', 'Ingen svar.'],
  ])('%s', (text, expected) => expect(stripBoilerplate(text)).toBe(expected));
});

describe('stem', () => {
  it.each([
    ['oppslagene', 'oppslag'],
    ['søkere', 'søker'],
    ['timeouts', 'timeout'],
    ['feil', 'feil'],
    ['2025', '2025'],
  ])('%s → %s', (word, expected) => expect(stem(word)).toBe(expected));
});

describe('textFeatures', () => {
  it('meets bokmål, nynorsk and English in one glossary concept', () => {
    const nb = textFeatures('Naturalytelser mangler i inntektsdataene');
    const nn = textFeatures('Naturalytingane manglar i inntektsdataa');
    const en = textFeatures('Benefits in kind are missing from the income data');
    for (const f of [nb, nn, en]) expect(f).toContain('_naturalytelse');
  });

  it('finds a glossary term inside a compound, and names a narrower concept’s broader one', () => {
    expect(textFeatures('Formuesposter vises ikke')).toContain('_formue');
    expect(textFeatures('Nettoformue er 0')).toEqual(expect.arrayContaining(['_nettoformue', '_formue']));
  });

  it('drops function words and salutations, keeps years', () => {
    const f = textFeatures('Hei KS! Vi har ikke fått svar for inntektsåret 2025. Mvh Kari');
    expect(f).toContain('2025');
    for (const w of ['hei', 'vi', 'har', 'ikke', 'for', 'mvh', 'kari']) expect(f).not.toContain(w);
  });

  it('keeps each feature once, in text order', () => {
    const f = textFeatures('Timeout, timeout og atter timeout');
    expect(f.filter((x) => x === f[0])).toHaveLength(1);
  });
});
