import {
  contentTokens,
  foldForMatching,
  jaccard,
  normaliseText,
  sharedContentWeight,
  stem,
  stripBoilerplate,
  textProfile,
  textSimilarity,
  trigramSimilarity,
  trigrams,
} from './text-similarity';

describe('normaliseText', () => {
  it.each([
    ['Får ikke hentet SKATTEGRUNNLAG!', 'får ikke hentet skattegrunnlag'],
    ['Næringsinntekt – mangler (fastsatt)', 'næringsinntekt mangler fastsatt'],
    ['  API   nede?? ', 'api nede'],
    ['Ærlig, øre og å', 'ærlig øre og å'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });
});

describe('foldForMatching', () => {
  it.each([
    ['får', 'far'],
    ['faar', 'far'],
    ['søkere', 'sokere'],
    ['næring', 'naering'],
    ['paa', 'pa'],
  ])('%s and its ASCII spelling meet in %s', (input, expected) => {
    expect(foldForMatching(input)).toBe(expected);
  });
});

describe('trigrams (pg_trgm semantics)', () => {
  it('pads each word with two spaces before and one after', () => {
    expect([...trigrams('cat')].sort()).toEqual(['  c', ' ca', 'at ', 'cat'].sort());
  });

  it('treats punctuation as word boundaries', () => {
    expect(trigrams('cat, cat!')).toEqual(trigrams('cat'));
  });

  it.each([
    ['summert skattegrunnlag', 'summert skattegrunnlag', 1],
    ['cat', 'dog', 0],
  ])('similarity(%s, %s) = %s', (a, b, expected) => {
    expect(trigramSimilarity(a, b)).toBeCloseTo(expected, 5);
  });

  it('is robust to typos', () => {
    expect(trigramSimilarity('Skatteoppgjør svarer ikke', 'Skatteopgjør svarer ikek')).toBeGreaterThan(0.5);
  });
});

describe('jaccard', () => {
  it.each([
    [[], [], 0],
    [['a'], ['a'], 1],
    [['a', 'b'], ['b', 'c'], 1 / 3],
  ])('%j vs %j = %s', (a, b, expected) => {
    expect(jaccard(new Set(a), new Set(b))).toBeCloseTo(expected, 5);
  });
});

describe('stem', () => {
  it.each([
    ['inntekter', 'inntekt'],
    ['oppslaget', 'oppslag'],
    ['returns', 'return'],
    ['api', 'api'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('stripBoilerplate', () => {
  it.each([
    ['Hei KS. Vi får 503. Vennlig hilsen fagsystemansvarlig', 'Vi får 503.'],
    ['Hei, vi trenger hjelp. Fortsatt feil. Mvh IT-avdelingen', 'Fortsatt feil.'],
    ['Hello KS team, Requests fail. Thanks in advance.', 'Requests fail.'],
  ])('%s → %s', (input, expected) => {
    expect(stripBoilerplate(input)).toBe(expected);
  });
});

describe('contentTokens', () => {
  it('maps nb/nn/en words for one concept to the same token', () => {
    const en = contentTokens('Business income missing in assessed data');
    const nb = contentTokens('Næringsinntekt mangler for fastsatt grunnlag');
    for (const concept of ['_naeringsinntekt', '_mangler', '_fastsatt']) {
      expect(en).toContain(concept);
      expect(nb).toContain(concept);
    }
  });

  it('drops stop words of all three languages', () => {
    expect(contentTokens('vi får ikke det til og the of me')).toEqual([]);
  });
});

describe('textSimilarity', () => {
  it('rates two phrasings of one problem above an unrelated report on the same service', () => {
    const a = 'Dobbel inntekt frå same arbeidsgjevar. Same beløp ligg to gongar i svaret.';
    const b = 'Duplicate income entries for the same employer and month.';
    const unrelated = 'Inntekts-APIet gir 429 Too Many Requests etter få kall.';
    expect(textSimilarity(a, b)).toBeGreaterThan(textSimilarity(a, unrelated));
  });

  it('is symmetric and 1 for identical texts', () => {
    const a = 'Summert skattegrunnlag svarer ikke';
    const b = 'SSG nede i produksjon';
    expect(textSimilarity(a, b)).toBeCloseTo(textSimilarity(b, a), 10);
    expect(textSimilarity(a, a)).toBeCloseTo(1, 5);
  });

  it('ignores correlation ids and long numbers', () => {
    const a = 'Feil ved oppslag. Korrelasjons-ID 73d398f5-a967-4fc5-b79b-ff1ab798df29.';
    const b = 'Feil ved oppslag. Korrelasjons-ID 5d45c72f-7162-4bf9-9204-708fcdb8f437.';
    expect(textSimilarity(a, b)).toBeCloseTo(1, 5);
  });
});

describe('sharedContentWeight', () => {
  it('counts a specific concept but not a lone generic word', () => {
    const dup = (t: string) => textProfile(t).tokens;
    expect(sharedContentWeight(dup('dobbeltposter i inntekt'), dup('duplicate entries'))).toBeGreaterThanOrEqual(1.5);
    expect(sharedContentWeight(dup('feil i API-et'), dup('API error'))).toBe(0);
  });
});
