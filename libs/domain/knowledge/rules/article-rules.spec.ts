import {
  type ArticleContent,
  type ArticleStatus,
  canChangeStatus,
  contentProblems,
  deflectionRate,
  reviewOverdue,
  slugFrom,
} from './article-rules';

const valid: ArticleContent = {
  slug: 'altinn-delegering',
  title: 'Delegering i Altinn',
  category: 'access',
  serviceCodes: ['summert-skattegrunnlag'],
  keywords: ['delegering'],
  errorCodes: ['SSG-008'],
  httpStatuses: [403],
  answer: 'Deleger tilgangen i Altinn.',
  body: '## Sjekkliste\n\n- Deleger',
  checklist: ['Delegert'],
  ownerId: null,
  reviewDue: '2027-01-31',
};

describe('article status changes', () => {
  it.each<[ArticleStatus, ArticleStatus, boolean]>([
    ['draft', 'published', true],
    ['draft', 'archived', true],
    ['published', 'archived', true],
    ['published', 'draft', true],
    ['archived', 'draft', true],
    ['archived', 'published', false],
    ['draft', 'draft', false],
    ['published', 'published', false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canChangeStatus(from, to)).toBe(allowed);
  });
});

describe('review due', () => {
  it.each<[string | null, string, boolean]>([
    [null, '2026-11-30', false],
    ['2026-12-01', '2026-11-30', false],
    ['2026-11-30', '2026-11-30', true],
    ['2025-01-01', '2026-11-30', true],
  ])('review %s on %s overdue: %s', (due, today, overdue) => {
    expect(reviewOverdue(due, today)).toBe(overdue);
  });
});

describe('deflection rate', () => {
  it.each<[number, number, number | null]>([
    [0, 0, null],
    [4, 1, 0.25],
    [10, 10, 1],
    [2, 3, 1],
  ])('shown %d, helped %d → %p', (shown, helped, rate) => {
    expect(deflectionRate(shown, helped)).toBe(rate);
  });
});

describe('slug from title', () => {
  it.each([
    ['Tilgang mangler: delegering i Altinn', 'tilgang-mangler-delegering-i-altinn'],
    ['Hva koster tjenesten?', 'hva-koster-tjenesten'],
    ['Næringsinntekt på utkast-stadiet', 'naeringsinntekt-pa-utkast-stadiet'],
    ['Søk på innbyggere i andre kommuner', 'sok-pa-innbyggere-i-andre-kommuner'],
    ['  --  ', ''],
  ])('%s → %s', (title, slug) => {
    expect(slugFrom(title)).toBe(slug);
  });
});

describe('article content', () => {
  it('accepts a complete article', () => {
    expect(contentProblems(valid)).toEqual([]);
  });

  it.each<[string, Partial<ArticleContent>, string]>([
    ['a slug with spaces', { slug: 'to ord' }, 'slug'],
    ['an empty title', { title: '  ' }, 'title'],
    ['an unknown category', { category: 'misc' as ArticleContent['category'] }, 'category'],
    ['an empty answer', { answer: '' }, 'answer'],
    ['an empty keyword', { keywords: ['ok', ' '] }, 'keywords'],
    ['a status outside HTTP', { httpStatuses: [42] }, 'httpStatuses'],
    ['an owner that is no id', { ownerId: 'kari' }, 'ownerId'],
    ['an impossible date', { reviewDue: '2026-02-30' }, 'reviewDue'],
    ['a date in another format', { reviewDue: '30.11.2026' }, 'reviewDue'],
    ['a year PostgreSQL does not have', { reviewDue: '0000-01-01' }, 'reviewDue'],
    ['a year out of range', { reviewDue: '9999-12-31' }, 'reviewDue'],
  ])('refuses %s', (_name, change, field) => {
    expect(contentProblems({ ...valid, ...change }).map((p) => p.field)).toEqual([field]);
  });
});
