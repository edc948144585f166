import { ARTICLE_MIN_SCORE, articleScore, normaliseText, rankArticles } from './knowledge-match';

const delegation = {
  slug: 'altinn-delegering',
  keywords: ['delegering', 'altinn', 'på vegne av'],
  errorCodes: ['SSG-008'],
  httpStatuses: [403],
};
const scope = { slug: 'feil-scope', keywords: ['scope', 'invalid_scope'], errorCodes: ['invalid_scope'], httpStatuses: [400] };
const draft = { slug: 'naeringsinntekt-utkast', keywords: ['næringsinntekt', 'utkast'], errorCodes: [], httpStatuses: [] };

describe('knowledge-base matching', () => {
  it.each([
    [
      'delegation with code and status',
      delegation,
      { title: 'Får 403', description: 'Mangler vi delegering i Altinn?', errorCode: 'SSG-008', httpStatus: 403 },
      4.5,
    ],
    [
      'keywords only',
      delegation,
      { title: 'Tilgang', description: 'Vi har ikke delegering i altinn', errorCode: null, httpStatus: null },
      2,
    ],
    [
      'error code counts case-insensitively, also as text',
      scope,
      { title: 'x', description: 'y', errorCode: 'INVALID_SCOPE', httpStatus: 400 },
      4.5,
    ],
    ['unrelated report', draft, { title: 'API nede', description: 'Timeout', errorCode: 'SO-504', httpStatus: 504 }, 0],
    ['keyword must start a word', draft, { title: 'Mangler', description: 'forutkastet', errorCode: null, httpStatus: null }, 0],
    [
      'keywords are normalised as the text is; one that normalises to nothing counts for nothing',
      { slug: 'x', keywords: ['På Vegne-Av', '—'], errorCodes: [], httpStatuses: [] },
      { title: 'Innsending på vegne av kommunen', description: '', errorCode: null, httpStatus: null },
      1,
    ],
  ])('%s', (_name, article, report, expected) => {
    expect(articleScore(article, report)).toBe(expected);
  });

  it('ranks the best article first and drops weak ones', () => {
    const ranked = rankArticles([draft, scope, delegation], {
      title: 'Feil scope?',
      description: 'Vi får invalid_scope fra Maskinporten',
      errorCode: 'invalid_scope',
      httpStatus: 400,
    });
    expect(ranked.map((r) => r.article.slug)).toEqual(['feil-scope']);
    expect(ranked[0].score).toBeGreaterThanOrEqual(ARTICLE_MIN_SCORE);
  });

  it('ranks with the same scores as each article scored alone', () => {
    const report = {
      title: 'Får 403 på utkast til næringsinntekt',
      description: 'Delegering i Altinn mangler',
      errorCode: 'SSG-008',
      httpStatus: 403,
    };
    const ranked = rankArticles([draft, scope, delegation], report, 10);
    expect(ranked.map((r) => [r.article.slug, r.score])).toEqual([
      ['altinn-delegering', articleScore(delegation, report)],
      ['naeringsinntekt-utkast', articleScore(draft, report)],
    ]);
  });

  it('scores an edited article by its new keywords', () => {
    const report = { title: 'Feil i utkast', description: 'Næringsinntekt mangler', errorCode: null, httpStatus: null };
    expect(articleScore(draft, report)).toBe(2);
    expect(articleScore({ ...draft, keywords: ['utkast', 'skattemelding'] }, report)).toBe(1);
  });
});

describe('normaliseText', () => {
  it.each([
    ['keeps letters and digits, lower-cased', 'Får 503 – «Service Unavailable»!', 'får 503 service unavailable'],
    ['folds compatibility forms', 'ＳＳＧ－００８', 'ssg 008'],
    ['turns underscores and punctuation into one space', 'invalid_scope...feil', 'invalid scope feil'],
  ])('%s', (_name, text, expected) => {
    expect(normaliseText(text)).toBe(expected);
  });
});
