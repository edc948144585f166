import { KnowledgeArticleRepository } from '@domain/knowledge/knowledge-article.repository';

import { publishCatalogue, registerConsumer, type RegisteredConsumer } from '../../support/fixtures';
import {
  cookieHeader,
  createStaffWithPassword,
  openForm,
  setCookieLine,
  signIn,
  type StaffBrowser,
  usePortalLink,
} from '../../support/staff-session';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';

const SERVICE = 'summert-skattegrunnlag';

/** Markup that must never reach a page as markup: a script, an event handler and a javascript: link. */
const HOSTILE = [
  'Første avsnitt.',
  '<script>alert("skript")</script>',
  '<img src="x" onerror="alert(1)">',
  '[Trykk her](javascript:alert(1))',
  '<a href="javascript:alert(2)">lenke</a>',
].join('\n\n');

function expectNoActiveMarkup(html: string) {
  expect(html).not.toMatch(/<script>alert/i);
  expect(html).not.toMatch(/<img\b[^>]*src="x"/i);
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
}

describe('knowledge base: API, staff pages, help pages and deflection', () => {
  let t: TestApp;
  let consumer: RegisteredConsumer;
  let agent: StaffBrowser;
  let viewer: StaffBrowser;
  let portalCookie: string;
  let portalCsrf: string;

  const article = {
    title: 'Skattemeldingen mangler for inntektsåret',
    category: 'data',
    answer: 'Skattemeldingen er ikke levert ennå.',
    body: 'Linje én\nLinje to',
    checklist: 'Sjekk inntektsåret\nSjekk stadiet',
    keywords: 'skattemelding\nmangler',
    errorCodes: 'KB-1234',
    httpStatuses: '404',
  };
  const idOf = (location: string) => /\/knowledge-base\/([0-9a-f-]{36})/.exec(location)![1];
  const count = async (articleId: string, kind: string) =>
    Number(
      (
        await t.dataSource.query(`SELECT count(*)::int AS n FROM knowledge_deflection WHERE article_id = $1 AND kind = $2`, [
          articleId,
          kind,
        ])
      )[0].n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    await publishCatalogue(t, [SERVICE, 'inntekt']);
    consumer = await registerConsumer(t, 515, [SERVICE]);
    await createStaffWithPassword(t, 'agent@ks.example.test', 'agent');
    await createStaffWithPassword(t, 'viewer@ks.example.test', 'viewer');
    agent = await signIn(t, 'agent@ks.example.test');
    viewer = await signIn(t, 'viewer@ks.example.test');
    const login = await openForm(t, '/portal/login');
    await t.http
      .post('/portal/login')
      .set('Cookie', cookieHeader(login.cookies))
      .type('form')
      .send({ _csrf: login.csrf, email: consumer.emails[0] });
    const [mail] = await t.dataSource.query(
      `SELECT text FROM outbox_message WHERE template = 'portal-sign-in' ORDER BY created_at DESC LIMIT 1`,
    );
    const link = new URL(/https?:\/\/\S+\/portal\/login\/\S+/.exec(mail.text)![0]).pathname;
    portalCookie = setCookieLine(await usePortalLink(t, link), 'sd_portal')!.split(';')[0];
    portalCsrf = /name="_csrf" value="([^"]+)"/.exec(
      (await t.http.get('/portal/reports/new').set('Cookie', portalCookie).expect(200)).text,
    )![1];
  });
  afterAll(() => t?.close());

  describe('staff pages', () => {
    it('creates a draft, saves a new version, shows the diff and restores the first version', async () => {
      const created = await agent.post('/knowledge-base', article).expect(303);
      const id = idOf(created.headers.location);
      const page = await agent.get(`/knowledge-base/${id}?done=created`).expect(200);
      expect(page.text).toContain('Artikkelen er lagret som kladd.');
      expect(page.text).toContain('Kladd');

      await agent.post(`/knowledge-base/${id}`, { ...article, body: 'Linje én\nLinje tre', version: '1' }).expect(303);
      const diff = await agent.get(`/knowledge-base/${id}/versions/1`).expect(200);
      expect(diff.text).toContain('<del class="app-diff-removed">Linje to</del>');
      expect(diff.text).toContain('<ins class="app-diff-added">Linje tre</ins>');

      // The editor opened on version 1 saves over version 2 only after reloading it.
      const stale = await agent.post(`/knowledge-base/${id}`, { ...article, title: 'Gammel kopi', version: '1' }).expect(409);
      expect(stale.text).toContain('Noen andre har lagret artikkelen mens du redigerte.');

      expect((await agent.post(`/knowledge-base/${id}/versions/1/restore`).expect(303)).headers.location).toContain('done=restored');
      const rows = await t.dataSource.query(`SELECT version, note FROM knowledge_article_version WHERE article_id = $1 ORDER BY version`, [
        id,
      ]);
      expect(rows).toEqual([
        { version: 1, note: 'created' },
        { version: 2, note: 'edited' },
        { version: 3, note: 'restored from version 1' },
      ]);
      const [audit] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE object_id = $1`, [id]);
      expect(audit.n).toBe(3);
    });

    it('previews what was entered without saving it', async () => {
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM knowledge_article`);
      const preview = await agent.post('/knowledge-base/preview', { ...article, title: 'Bare forhåndsvist' }).expect(200);
      expect(preview.text).toContain('Forhåndsvisning, ikke lagret');
      expect(preview.text).toContain('Bare forhåndsvist');
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM knowledge_article`)).toEqual(before);
    });

    it('shows a bad field in Norwegian beside the form, and stores nothing', async () => {
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM knowledge_article`);
      const page = await agent.post('/knowledge-base', { ...article, title: 'HTTP-feil', httpStatuses: '40x' }).expect(400);
      expect(page.text).toContain('<a class="ds-link" href="#httpStatuses">HTTP-status: ');
      expect(page.text).toMatch(/id="httpStatuses" name="httpStatuses" aria-invalid="true"/);
      expect(page.text).toContain('value="HTTP-feil"');
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM knowledge_article`)).toEqual(before);
    });

    it('says on the error page what was not found: the article, or plainly a page, with a way home for each audience', async () => {
      const html = { Accept: 'text/html' };
      const article = await agent.get('/knowledge-base/00000000-0000-4000-8000-000000000000').set(html).expect(404);
      expect(article.text).toContain('Fant ikke artikkelen.');
      const consumer = await agent.get('/consumers/00000000-0000-4000-8000-000000000000').set(html).expect(404);
      expect(consumer.text).toContain('Fant ikke konsumenten.');
      const page = await agent.get('/finnes-ikke').set(html).expect(404);
      // Another page's wording of the shared code (the API key page's) must not reach this one.
      expect(page.text).not.toContain('API-nøkkelen');
      expect(page.text).toContain('href="/">Til forsiden</a>');
      const portal = await t.http.get('/portal/finnes-ikke').set(html).set('Cookie', portalCookie).expect(404);
      expect(portal.text).not.toContain('API-nøkkelen');
      expect(portal.text).toContain('href="/portal">Til forsiden</a>');
    });

    it('lets a viewer read but not write', async () => {
      await viewer.get('/knowledge-base').expect(200);
      await viewer.get('/knowledge-base/new').expect(403);
      await viewer.post('/knowledge-base', { ...article, title: 'Fra leser' }).expect(403);
    });

    it('filters the list by review due and by search text, bokmål or nynorsk', async () => {
      const due = await agent.post('/knowledge-base', { ...article, title: 'Skal gjennomgås', reviewDue: '2020-01-01' }).expect(303);
      const list = await agent.get('/knowledge-base?review=due').expect(200);
      expect(list.text).toContain(`/knowledge-base/${idOf(due.headers.location)}`);
      expect(list.text).toContain('Forfalt');
      const nynorsk = await agent.get(`/knowledge-base?q=${encodeURIComponent('kven er segmentansvarleg')}`).expect(200);
      expect(nynorsk.text).toContain('Hvem er segmentansvarlig, og hvem gjør hva?');
    });
  });

  it('answers an article stored by a colleague at the same moment under the same address with 409, in Norwegian, storing nothing more', async () => {
    const first = await agent.post('/knowledge-base', { ...article, title: 'Samtidig skrevet' }).expect(303);
    const articles = t.get(KnowledgeArticleRepository);
    // The colleague's article was committed after this one looked for its address.
    jest.spyOn(articles, 'findBySlug').mockResolvedValueOnce(null);
    const page = await agent.post('/knowledge-base', { ...article, title: 'Samtidig skrevet' }).expect(409);
    expect(page.text).toContain('Det samme ble lagret av en annen endring i samme øyeblikk');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM knowledge_article WHERE title = 'Samtidig skrevet'`);
    expect(n).toBe(1);
    expect(idOf(first.headers.location)).toBeTruthy();
  });

  describe('safe rendering of what staff write', () => {
    it('never lets a script, an event handler or a javascript: link through: staff page, preview and help page', async () => {
      const created = await agent.post('/knowledge-base', { ...article, title: 'Farlig innhold', body: HOSTILE }).expect(303);
      const id = idOf(created.headers.location);
      await agent.post(`/knowledge-base/${id}/status`, { status: 'published' }).expect(303);
      const slug = (await t.dataSource.query(`SELECT slug FROM knowledge_article WHERE id = $1`, [id]))[0].slug;
      const pages = [
        (await agent.get(`/knowledge-base/${id}`).expect(200)).text,
        (await agent.post('/knowledge-base/preview', { ...article, body: HOSTILE }).expect(200)).text,
        (await t.http.get(`/portal/hjelp/${slug}`).expect(200)).text,
      ];
      for (const html of pages) {
        expect(html).toContain('<p>Første avsnitt.</p>');
        expectNoActiveMarkup(html);
      }
    });
  });

  describe('JSON API', () => {
    it('suggests published articles for a consumer’s text, bokmål or nynorsk, on its service', async () => {
      const nb = await t.http
        .get('/api/v1/knowledge/suggestions')
        .query({ q: 'Leverandøren vår får unauthorized_client fra Maskinporten' })
        .set(bearer(consumer.key))
        .expect(200);
      expect(nb.body[0]).toMatchObject({ slug: 'leverandor-maskinporten', url: '/portal/hjelp/leverandor-maskinporten' });
      const nn = await t.http
        .get('/api/v1/knowledge/suggestions')
        .query({ q: 'Næringsinntekta manglar i utkastet', service: SERVICE })
        .set(bearer(consumer.key))
        .expect(200);
      expect(nn.body[0].slug).toBe('naeringsinntekt-utkast');
      const elsewhere = await t.http
        .get('/api/v1/knowledge/suggestions')
        .query({ q: 'Næringsinntekta manglar i utkastet', service: 'inntekt' })
        .set(bearer(consumer.key))
        .expect(200);
      expect(elsewhere.body.map((a: { slug: string }) => a.slug)).not.toContain('naeringsinntekt-utkast');
    });

    it('refuses suggestions without a text or a caller', async () => {
      const res = await t.http.get('/api/v1/knowledge/suggestions').set(bearer(consumer.key)).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('q');
      await t.http.get('/api/v1/knowledge/suggestions').query({ q: 'altinn' }).expect(401);
    });

    it('reads and searches the published articles without signing in, never a draft', async () => {
      const found = await t.http.get('/api/v1/knowledge/articles').query({ q: 'kommuna' }).expect(200);
      expect(found.body[0].slug).toBe('innbyggere-i-andre-kommuner');
      const one = await t.http.get('/api/v1/knowledge/articles/hvem-er-segmentansvarlig').expect(200);
      expect(one.body.body).toContain('## Kilder');
      const draft = await agent.post('/knowledge-base', { ...article, title: 'Hemmelig kladd' }).expect(303);
      const slug = (await t.dataSource.query(`SELECT slug FROM knowledge_article WHERE id = $1`, [idOf(draft.headers.location)]))[0].slug;
      await t.http.get(`/api/v1/knowledge/articles/${slug}`).expect(404);
    });

    it('counts a suggestion shown and one that helped, once per session', async () => {
      const [{ id }] = await t.dataSource.query(`SELECT id FROM knowledge_article WHERE slug = 'hva-koster-tjenesten'`);
      const post = (kind: string, session: string) =>
        t.http.post('/api/v1/knowledge/deflections').set(bearer(consumer.key)).send({ articleId: id, kind, session });
      expect((await post('shown', 'klient-okt-0001').expect(200)).body).toEqual({ counted: true });
      expect((await post('shown', 'klient-okt-0001').expect(200)).body).toEqual({ counted: false });
      expect((await post('helped', 'klient-okt-0001').expect(200)).body).toEqual({ counted: true });
      expect((await post('shown', 'klient-okt-0002').expect(200)).body).toEqual({ counted: true });
      expect([await count(id, 'shown'), await count(id, 'helped')]).toEqual([2, 1]);
      await post('solved', 'klient-okt-0003').expect(400);
      await t.http
        .post('/api/v1/knowledge/deflections')
        .set(bearer(consumer.key))
        .send({ articleId: '00000000-0000-4000-8000-000000000000', kind: 'shown', session: 'klient-okt-0004' })
        .expect(404);
      expect([await count(id, 'shown'), await count(id, 'helped')]).toEqual([2, 1]);
      const staffPage = await agent.get(`/knowledge-base/${id}`).expect(200);
      expect(staffPage.text).toContain('Vist som forslag 2 ganger. «Dette løste saken» 1 ganger (50 %).');
    });
  });

  describe('portal', () => {
    const report = (submissionId: string) => ({
      _csrf: portalCsrf,
      submissionId,
      service: SERVICE,
      environment: 'production',
      category: 'incident',
      title: 'Får 403 på oppslag',
      description: 'Vi mangler kanskje delegering i Altinn for leverandøren.',
      httpStatus: '403',
    });

    it('shows the help pages to anyone, by category and searched in nynorsk', async () => {
      const index = await t.http.get('/portal/hjelp').expect(200);
      expect(index.text).toContain('Tilgang og delegering');
      expect(index.text).toContain('href="/portal/hjelp/altinn-delegering"');
      const searched = await t.http.get('/portal/hjelp').query({ q: 'Kven er segmentansvarleg?' }).expect(200);
      expect(searched.text).toMatch(
        /id="help-hits">\s*<li[^>]*><h2[^>]*><a class="ds-link" href="\/portal\/hjelp\/hvem-er-segmentansvarlig"/,
      );
      await t.http.get('/portal/hjelp/finnes-ikke').expect(404);
    });

    it('shows the help pages in the portal layout, with the menu and «Logg ut» to a signed-in portal user', async () => {
      for (const path of ['/portal/hjelp', '/portal/hjelp/altinn-delegering', '/portal/hjelp?done=solved']) {
        const signedIn = (await t.http.get(path).set('Cookie', portalCookie).expect(200)).text;
        expect(signedIn).toContain('<a class="app-brand" href="/portal">KS konsumentportal</a>');
        expect(signedIn).toContain('aria-label="Portalmeny"');
        expect(signedIn).toContain('action="/portal/logout"');
        const anonymous = (await t.http.get(path).expect(200)).text;
        expect(anonymous).toContain('KS konsumentportal');
        expect(anonymous).not.toContain('action="/portal/logout"');
      }
    });

    it('counts the answers shown while a report is written, and «Dette løste saken» instead of sending it', async () => {
      const [{ id }] = await t.dataSource.query(`SELECT id FROM knowledge_article WHERE slug = 'altinn-delegering'`);
      const shownBefore = await count(id, 'shown');
      const session = '5b0e3c1e-7d0a-4d6b-9a51-1f1f1f1f1f1f';
      const check = await t.http
        .post('/portal/reports/new/check')
        .set('Cookie', portalCookie)
        .type('form')
        .send(report(session))
        .expect(200);
      expect(check.text).toContain(`name="articleId" value="${id}"`);
      // Looking again on the same form counts once.
      await t.http.post('/portal/reports/new/check').set('Cookie', portalCookie).type('form').send(report(session)).expect(200);
      expect(await count(id, 'shown')).toBe(shownBefore + 1);

      const solved = await t.http
        .post('/portal/reports/new/solved')
        .set('Cookie', portalCookie)
        .type('form')
        .send({ ...report(session), articleId: id })
        .expect(303);
      expect(solved.headers.location).toBe('/portal/hjelp?done=solved');
      expect((await t.http.get(solved.headers.location).set('Cookie', portalCookie).expect(200)).text).toContain(
        'Meldingen ble ikke sendt.',
      );
      expect(await count(id, 'helped')).toBe(1);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM report`))[0].n).toBe(0);
    });

    it('counts the answers shown while a question to KS is written, and «Dette løste saken» instead of sending it', async () => {
      const [{ id }] = await t.dataSource.query(`SELECT id FROM knowledge_article WHERE slug = 'altinn-delegering'`);
      const tickets = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ticket`))[0].n as number;
      const [shownBefore, helpedBefore, ticketsBefore] = [await count(id, 'shown'), await count(id, 'helped'), await tickets()];
      const question = {
        _csrf: portalCsrf,
        submissionId: '7c1e3c1e-7d0a-4d6b-9a51-2f2f2f2f2f2f',
        category: 'access',
        service: '',
        subject: 'Mangler delegering i Altinn',
        body: 'Leverandøren vår får 403. Mangler vi delegering i Altinn?',
      };
      const send = (path: string, form: Record<string, string>) => t.http.post(path).set('Cookie', portalCookie).type('form').send(form);
      const check = await send('/portal/tickets/new/check', question).expect(200);
      expect(check.text).toContain(`name="articleId" value="${id}"`);
      expect(check.text).toContain('action="/portal/tickets"');
      await send('/portal/tickets/new/check', question).expect(200);
      expect(await count(id, 'shown')).toBe(shownBefore + 1);
      const [{ channel }] = await t.dataSource.query(`SELECT channel FROM knowledge_deflection WHERE session = $1 AND kind = 'shown'`, [
        question.submissionId,
      ]);
      expect(channel).toBe('ticket');

      const solved = await send('/portal/tickets/new/solved', { ...question, articleId: id }).expect(303);
      expect(solved.headers.location).toBe('/portal/hjelp?done=solved-question');
      expect((await t.http.get(solved.headers.location).set('Cookie', portalCookie).expect(200)).text).toContain(
        'Spørsmålet ble ikke sendt.',
      );
      expect(await count(id, 'helped')).toBe(helpedBefore + 1);
      expect(await tickets()).toBe(ticketsBefore);

      const asked = await send('/portal/tickets', question).expect(303);
      expect(asked.headers.location).toMatch(/^\/portal\/tickets\/[0-9a-f-]{36}\?done=asked$/);
      expect(await tickets()).toBe(ticketsBefore + 1);
    });
  });
});
