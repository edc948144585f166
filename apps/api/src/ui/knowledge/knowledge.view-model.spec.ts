import type { ArticleListItem, KnowledgeArticle, KnowledgeArticleVersion } from '@domain/knowledge';

import type { FormFailure } from '../shared/page-form';
import {
  articleViewModel,
  editorValues,
  editorViewModel,
  helpIndexViewModel,
  listViewModel,
  versionViewModel,
} from './knowledge.view-model';

const article = (over: Partial<KnowledgeArticle> = {}): KnowledgeArticle => ({
  id: 'a1',
  slug: 'altinn-delegering',
  title: 'Delegering i Altinn',
  category: 'access',
  serviceCodes: ['inntekt'],
  keywords: ['delegering', 'altinn'],
  errorCodes: ['SSG-008'],
  httpStatuses: [403],
  answer: 'Deleger tilgangen.',
  body: '## Sjekkliste\n\n- Deleger',
  checklist: ['Delegert', 'Produksjon'],
  status: 'published',
  ownerId: 'o1',
  reviewDue: '2026-12-01',
  version: 3,
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-02-01T00:00:00Z'),
  ...over,
});
const owners = [{ id: 'o1', name: 'Kari Nordmann' }];
const services = [
  { code: 'inntekt', name: 'Inntekt' },
  { code: 'eiendom', name: 'Eiendom' },
];
const version = (n: number, note: string): KnowledgeArticleVersion => ({
  id: `v${n}`,
  articleId: 'a1',
  version: n,
  content: {},
  note,
  savedBy: 'kari@ks.no',
  savedAt: new Date('2026-02-01T00:00:00Z'),
});

describe('listViewModel', () => {
  const item = (over: Partial<ArticleListItem> = {}): ArticleListItem => ({
    article: article(),
    reviewOverdue: false,
    shown: 4,
    helped: 1,
    deflectionRate: 0.25,
    ...over,
  });

  it('names owner, status, category and the counts; a removed owner is named as such', () => {
    const model = listViewModel([item(), item({ article: article({ id: 'a2', ownerId: 'gone', status: 'draft' }) })], owners, services, {});
    expect(model.articles.map((a) => [a.owner, a.statusLabel, a.categoryLabel, a.rate])).toEqual([
      ['Kari Nordmann', 'Publisert', 'Tilgang og delegering', 0.25],
      ['Tidligere ansatt', 'Kladd', 'Tilgang og delegering', 0.25],
    ]);
    expect(model.countText).toBe('2 artikler');
    expect(model.filtered).toBe(false);
  });

  it('keeps the filter chosen, with «Alle» first', () => {
    const model = listViewModel([], owners, services, { status: 'draft', service: 'eiendom', reviewDue: true, text: 'altinn' });
    expect(model.statusOptions.filter((o) => o.selected).map((o) => o.label)).toEqual(['Kladd']);
    expect(model.serviceOptions.map((o) => [o.label, o.selected])).toEqual([
      ['Alle', false],
      ['Inntekt', false],
      ['Eiendom', true],
    ]);
    expect(model.filter).toEqual({ q: 'altinn', reviewDue: true });
    expect(model.filtered).toBe(true);
    expect(model.countText).toBe('0 artikler');
  });
});

describe('editor', () => {
  it('fills the fields from the article: lists one per line, statuses by comma, the version it was opened on', () => {
    expect(editorValues(article())).toMatchObject({
      keywords: 'delegering\naltinn',
      httpStatuses: '403',
      checklist: 'Delegert\nProduksjon',
      ownerId: 'o1',
      version: '3',
    });
  });

  it('shows what was entered rather than the article, and a preview of it when asked', () => {
    const model = editorViewModel({
      article: article(),
      owners,
      services,
      body: { title: 'Ny tittel', answer: 'Svar', body: 'Tekst', checklist: 'én\n\nto', serviceCodes: ['eiendom'], category: 'data' },
      preview: true,
    });
    expect(model.values.title).toBe('Ny tittel');
    expect(model.preview).toEqual({ title: 'Ny tittel', answer: 'Svar', body: 'Tekst', checklist: ['én', 'to'] });
    expect(model.serviceOptions.filter((o) => o.selected).map((o) => o.value)).toEqual(['eiendom']);
    expect(model.categoryOptions.filter((o) => o.selected).map((o) => o.value)).toEqual(['data']);
    expect(model.action).toBe('/knowledge-base/a1');
  });

  it('marks each field a failed save names and links the summary to it', () => {
    const fieldErrors = ['slug', 'serviceCodes', 'version'].map((name) => ({ field: name, name, label: name, message: 'x' }));
    const failure: FormFailure = {
      form: 'article',
      params: {},
      body: { slug: 'Ugyldig' },
      code: 'validation_failed',
      error: 'feil',
      fieldErrors,
    };
    const model = editorViewModel({ article: null, owners, services, body: failure.body, failure });
    expect(model.fieldErrors.map((f) => f.href)).toEqual(['#slug', '#serviceCodes', undefined]);
    expect(model.invalid).toEqual({ slug: true, serviceCodes: true, version: true });
    expect(model.values.slug).toBe('Ugyldig');
  });

  it('starts a new article empty, posting to the list', () => {
    const model = editorViewModel({ article: null, owners, services });
    expect(model).toMatchObject({ editing: false, action: '/knowledge-base', preview: null });
    expect(model.ownerOptions[0]).toEqual({ value: '', label: 'Ingen eier', selected: true });
  });
});

describe('articleViewModel', () => {
  it('offers the status changes the article can take, marks an overdue review and names the versions', () => {
    const detail = {
      article: article(),
      versions: [version(3, 'restored from version 1'), version(1, 'seeded')],
      shown: 0,
      helped: 0,
      deflectionRate: null,
    };
    const model = articleViewModel(detail, owners, services, '2026-12-01');
    expect(model.statusActions.map((a) => a.label)).toEqual(['Tilbake til kladd', 'Arkiver']);
    expect(model.article).toMatchObject({ reviewOverdue: true, services: 'Inntekt', owner: 'Kari Nordmann', published: true });
    expect(model.versions.map((v) => [v.note, v.current])).toEqual([
      ['Hentet tilbake fra versjon 1', true],
      ['Lagt inn av KS ved oppstart', false],
    ]);
  });

  it('says every service when the article names none', () => {
    const detail = { article: article({ serviceCodes: [], status: 'archived' }), versions: [], shown: 0, helped: 0, deflectionRate: null };
    const model = articleViewModel(detail, owners, services, '2026-01-01');
    expect(model.article.services).toBe('Alle tjenester');
    expect(model.statusActions.map((a) => a.value)).toEqual(['draft']);
  });
});

describe('versionViewModel', () => {
  it('labels each changed field as the editor does', () => {
    const model = versionViewModel(article(), version(1, 'created'), [
      { field: 'body', before: 'a', after: 'b', lines: [{ kind: 'removed', text: 'a' }] },
    ]);
    expect(model.changes).toEqual([{ label: 'Artikkel (Markdown)', lines: [{ kind: 'removed', text: 'a' }] }]);
    expect(model.title).toBe('«Delegering i Altinn», versjon 1');
  });
});

describe('helpIndexViewModel', () => {
  const articles = [article(), article({ id: 'a2', slug: 'kostnad', title: 'Hva koster det?', category: 'agreement' })];

  it('groups the articles by category in the categories’ order when nothing is searched', () => {
    const model = helpIndexViewModel(articles, '', undefined);
    expect(model.categories.map((c) => [c.label, c.articles.map((a) => a.slug)])).toEqual([
      ['Tilgang og delegering', ['altinn-delegering']],
      ['Avtale og kostnader', ['kostnad']],
    ]);
    expect(model.hits).toEqual([]);
  });

  it('lists the hits in the order found when searched', () => {
    const model = helpIndexViewModel([...articles].reverse(), 'koster', undefined);
    expect(model.hits.map((h) => h.slug)).toEqual(['kostnad', 'altinn-delegering']);
    expect(model.categories).toEqual([]);
    expect(model.countText).toBe('2 artikler');
  });
});
