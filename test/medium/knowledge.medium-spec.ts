import {
  type ArticleInput,
  ArticleQueries,
  ChangeArticleStatus,
  CreateArticle,
  EditArticle,
  RecordDeflection,
  RestoreArticleVersion,
  SearchArticles,
  SeedKnowledgeBase,
  SuggestArticlesForText,
} from '@domain/knowledge';

import { domainError, MediumContext } from './medium-context';

/** Articles written for the search tests, in bokmål; the queries below use other word forms, bokmål and nynorsk. */
const ARTICLES: ArticleInput[] = [
  {
    slug: 'test-skattemelding-frist',
    title: 'Skattemeldingen er ikke levert ennå',
    category: 'data',
    answer: 'Når skattemeldingen ikke er levert, finnes bare utkastet.',
    body: 'Skattemeldingen leveres av skattyteren. Før den er levert, viser API-et utkastet.',
  },
  {
    slug: 'test-kommunen-flytting',
    title: 'Personen har flyttet fra kommunen',
    category: 'data',
    answer: 'Adressen i Folkeregisteret avgjør ikke om kommunen kan gjøre oppslaget.',
    body: 'Kommunene slår opp personer i egne saker, også når de har flyttet.',
  },
  {
    slug: 'test-feilkode-abc',
    title: 'Tjenesten svarer med en intern feilkode',
    category: 'operations',
    errorCodes: ['ABC-4711'],
    httpStatuses: [502],
    answer: 'Feilkoden betyr at tjenesten bak API-et ikke svarte.',
  },
  {
    slug: 'test-leverandor-sertifikat',
    title: 'Leverandørens sertifikat er utløpt',
    category: 'maskinporten',
    serviceCodes: ['inntekt'],
    answer: 'Leverandørene må fornye sertifikatene sine i Maskinporten.',
  },
];

describe('knowledge base (use cases on the database)', () => {
  let ctx: MediumContext;
  const ids = new Map<string, string>();
  const find = async (text: string) =>
    (await ctx.get(SearchArticles).published(text)).map((a) => a.slug).filter((slug) => slug.startsWith('test-'));

  beforeAll(async () => {
    ctx = await MediumContext.create();
    for (const input of ARTICLES) {
      const article = await ctx.get(CreateArticle).execute(input, ctx.admin.actor);
      await ctx.get(ChangeArticleStatus).execute(article.id, 'published', ctx.admin.actor);
      ids.set(input.slug!, article.id);
    }
  });
  afterAll(() => ctx?.close());

  describe('full-text search, bokmål and nynorsk', () => {
    it.each<[string, string, string[]]>([
      ['bokmål, the same form', 'skattemeldingen', ['test-skattemelding-frist']],
      ['bokmål, indefinite form', 'skattemelding', ['test-skattemelding-frist']],
      ['nynorsk definite feminine (-a)', 'skattemeldinga', ['test-skattemelding-frist']],
      ['nynorsk definite feminine of kommune', 'kommuna', ['test-kommunen-flytting']],
      ['nynorsk plural (-ar)', 'kommunar', ['test-kommunen-flytting']],
      ['nynorsk definite plural (-ane)', 'leverandørane', ['test-leverandor-sertifikat']],
      ['nynorsk verb form with stop words around it', 'eg har ikkje levert skattemeldinga', ['test-skattemelding-frist']],
      ['an error code as written', 'ABC-4711', ['test-feilkode-abc']],
      ['an error code without its dash', 'fikk abc4711 i svaret', ['test-feilkode-abc']],
      ['only stop words', 'og i ikkje det', []],
    ])('%s: %s', async (_name, query, expected) => {
      expect(await find(query)).toEqual(expected);
    });

    it('ranks the article that shares most of a longer text first, and still finds one sharing less', async () => {
      expect(await find('Skattemeldinga er ikkje levert, og utkastet frå kommunen manglar')).toEqual([
        'test-skattemelding-frist',
        'test-kommunen-flytting',
      ]);
    });

    it('finds the seeded FAQ in nynorsk', async () => {
      const found = (await ctx.get(SearchArticles).published('Kven er segmentansvarleg?')).map((a) => a.slug);
      expect(found[0]).toBe('hvem-er-segmentansvarlig');
      const altinn = (await ctx.get(SearchArticles).published('delegeringa i Altinn manglar')).map((a) => a.slug);
      expect(altinn[0]).toBe('altinn-delegering');
    });

    it('leaves drafts and archived articles out of the published search, but not out of the staff list', async () => {
      const draft = await ctx
        .get(CreateArticle)
        .execute({ title: 'Skattemelding i kladd', category: 'data', answer: 'Kladd.' }, ctx.admin.actor);
      expect((await ctx.get(SearchArticles).published('skattemelding')).map((a) => a.id)).not.toContain(draft.id);
      const staff = await ctx.get(SearchArticles).staff({ text: 'skattemelding', status: 'draft' });
      expect(staff.map((i) => i.article.id)).toEqual([draft.id]);
    });

    it('suggests for a text on a service: articles on other services are left out, general ones stay', async () => {
      const onInntekt = await ctx
        .get(SuggestArticlesForText)
        .execute({ text: 'sertifikatet til leverandøren er utløpt', service: 'inntekt' });
      expect(onInntekt.map((a) => a.slug)).toContain('test-leverandor-sertifikat');
      const elsewhere = await ctx
        .get(SuggestArticlesForText)
        .execute({ text: 'sertifikatet til leverandøren er utløpt', service: 'eiendom' });
      expect(elsewhere.map((a) => a.slug)).not.toContain('test-leverandor-sertifikat');
      expect(elsewhere.length).toBeGreaterThan(0);
    });
  });

  describe('articles and their versions', () => {
    const input: ArticleInput = {
      title: 'Hva koster et oppslag?',
      category: 'agreement',
      answer: 'Ingenting.',
      body: 'Linje én\nLinje to',
    };

    it('keeps every save as a version, shows the diff and restores an earlier one as the newest', async () => {
      const article = await ctx.get(CreateArticle).execute(input, ctx.admin.actor);
      expect(article).toMatchObject({ slug: 'hva-koster-et-oppslag', status: 'draft', version: 1 });
      const edited = await ctx.get(EditArticle).execute(article.id, { ...input, body: 'Linje én\nLinje tre' }, ctx.admin.actor, 1);
      expect(edited.changed).toEqual(['body']);
      expect(edited.article.version).toBe(2);

      const { changes } = await ctx.get(ArticleQueries).version(article.id, 1);
      expect(changes.map((c) => c.field)).toEqual(['body']);
      expect(changes[0].lines).toEqual([
        { kind: 'same', text: 'Linje én' },
        { kind: 'removed', text: 'Linje to' },
        { kind: 'added', text: 'Linje tre' },
      ]);

      const restored = await ctx.get(RestoreArticleVersion).execute(article.id, 1, ctx.admin.actor);
      expect(restored).toMatchObject({ version: 3, body: 'Linje én\nLinje to' });
      const { versions } = await ctx.get(ArticleQueries).detail(article.id);
      expect(versions.map((v) => [v.version, v.note])).toEqual([
        [3, 'restored from version 1'],
        [2, 'edited'],
        [1, 'created'],
      ]);
      const audit = await ctx.query<{ action: string }>(`SELECT action FROM audit_entry WHERE object_id = $1 ORDER BY id`, [article.id]);
      expect(audit.map((a) => a.action)).toEqual(['knowledge_article.created', 'knowledge_article.edited', 'knowledge_article.restored']);
    });

    it('saves no version when nothing changed, and refuses a save over someone else’s newer version', async () => {
      const article = await ctx.get(CreateArticle).execute({ ...input, title: 'Uendret artikkel' }, ctx.admin.actor);
      const same = await ctx.get(EditArticle).execute(article.id, { ...input, title: 'Uendret artikkel' }, ctx.admin.actor, 1);
      expect(same).toMatchObject({ changed: [], article: { version: 1 } });
      await ctx.get(EditArticle).execute(article.id, { ...input, title: 'Endret artikkel' }, ctx.admin.actor, 1);
      const stale = await domainError(ctx.get(EditArticle).execute(article.id, { ...input, title: 'Gammel kopi' }, ctx.admin.actor, 1));
      expect(stale.code).toBe('knowledge_article_edited_meanwhile');
      expect((await ctx.get(ArticleQueries).detail(article.id)).article.title).toBe('Endret artikkel');
    });

    it('refuses bad content naming each field, a taken slug and a status it cannot take, changing nothing', async () => {
      const bad = await domainError(ctx.get(CreateArticle).execute({ title: '', category: 'misc', answer: '' }, ctx.admin.actor));
      expect(bad.fields.map((f) => f.field).sort()).toEqual(['answer', 'category', 'slug', 'title']);
      const taken = await domainError(ctx.get(CreateArticle).execute({ ...input, slug: 'altinn-delegering' }, ctx.admin.actor));
      expect(taken.code).toBe('knowledge_article_slug_taken');
      const article = await ctx.get(CreateArticle).execute({ ...input, title: 'Skal arkiveres' }, ctx.admin.actor);
      await ctx.get(ChangeArticleStatus).execute(article.id, 'archived', ctx.admin.actor);
      const refused = await domainError(ctx.get(ChangeArticleStatus).execute(article.id, 'published', ctx.admin.actor));
      expect(refused.code).toBe('knowledge_article_status_refused');
      expect((await ctx.get(ArticleQueries).detail(article.id)).article.status).toBe('archived');
    });

    it('lists the articles whose review is due', async () => {
      const due = await ctx.get(CreateArticle).execute({ ...input, title: 'Gammel artikkel', reviewDue: '2026-01-15' }, ctx.admin.actor);
      const listed = await ctx.get(SearchArticles).staff({ reviewDue: true }, '2026-06-01');
      expect(listed.map((i) => i.article.id)).toContain(due.id);
      expect(listed.every((i) => i.reviewOverdue)).toBe(true);
    });
  });

  describe('deflection counting', () => {
    it('counts shown and helped once per article and session, and gives the rate per article', async () => {
      const articleId = ids.get('test-feilkode-abc')!;
      const record = ctx.get(RecordDeflection);
      const consumer = await ctx.newConsumer();
      for (const session of ['skjema-000001', 'skjema-000002', 'skjema-000003', 'skjema-000004'])
        await record.shown([articleId], session, 'report', consumer.id);
      // The first form is reloaded: still one count.
      await record.shown([articleId], 'skjema-000001', 'report', consumer.id);
      expect(
        await record.execute({ articleId, kind: 'helped', channel: 'report', session: 'skjema-000001', consumerId: consumer.id }),
      ).toEqual({
        counted: true,
      });
      expect(
        await record.execute({ articleId, kind: 'helped', channel: 'report', session: 'skjema-000001', consumerId: consumer.id }),
      ).toEqual({
        counted: false,
      });
      const detail = await ctx.get(ArticleQueries).detail(articleId);
      expect(detail).toMatchObject({ shown: 4, helped: 1, deflectionRate: 0.25 });
      const listed = (await ctx.get(SearchArticles).staff({ text: 'ABC-4711' })).find((i) => i.article.id === articleId);
      expect(listed).toMatchObject({ shown: 4, helped: 1, deflectionRate: 0.25 });
    });

    it('does not count a draft article or a malformed session', async () => {
      const draft = await ctx
        .get(CreateArticle)
        .execute({ title: 'Utkast som ikke vises', category: 'data', answer: 'Nei.' }, ctx.admin.actor);
      const notFound = await domainError(
        ctx
          .get(RecordDeflection)
          .execute({ articleId: draft.id, kind: 'shown', channel: 'api', session: 'skjema-000009', consumerId: null }),
      );
      expect(notFound.code).toBe('knowledge_article_not_found');
      const badSession = await domainError(
        ctx
          .get(RecordDeflection)
          .execute({ articleId: ids.get('test-feilkode-abc')!, kind: 'shown', channel: 'api', session: 'x', consumerId: null }),
      );
      expect(badSession.fields.map((f) => f.field)).toEqual(['session']);
      expect(await ctx.query(`SELECT 1 FROM knowledge_deflection WHERE session IN ('x', 'skjema-000009')`)).toEqual([]);
    });
  });

  describe('seeding', () => {
    it('is idempotent and publishes KS’s FAQ with sources named', async () => {
      expect(await ctx.get(SeedKnowledgeBase).execute()).toEqual({ created: 0, updated: 0 });
      for (const slug of [
        'altinn-delegering',
        'leverandor-maskinporten',
        'naeringsinntekt-utkast',
        'hva-koster-tjenesten',
        'innbyggere-i-andre-kommuner',
        'hvem-er-segmentansvarlig',
      ]) {
        const article = await ctx.get(ArticleQueries).publishedBySlug(slug);
        expect(article.body).toMatch(/## Kilder\n\n- .+https:\/\//);
      }
    });

    it('brings an article still as the first seed left it up to the full article, and leaves edited ones alone', async () => {
      await ctx.query(`UPDATE knowledge_article SET body = '', category = 'operations' WHERE slug = 'hvem-er-segmentansvarlig'`);
      expect(await ctx.get(SeedKnowledgeBase).execute()).toEqual({ created: 0, updated: 1 });
      const upgraded = await ctx.get(ArticleQueries).publishedBySlug('hvem-er-segmentansvarlig');
      expect(upgraded).toMatchObject({ version: 2, category: 'segment' });
      await ctx.query(`UPDATE knowledge_article SET body = '' WHERE slug = 'hvem-er-segmentansvarlig'`);
      expect(await ctx.get(SeedKnowledgeBase).execute()).toEqual({ created: 0, updated: 0 });
    });
  });
});
