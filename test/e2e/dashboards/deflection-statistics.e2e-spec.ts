import { type DeflectionChannel, DeflectionStatistics, RecordDeflection, SeedKnowledgeBase } from '@domain/knowledge';

import { createStaffWithPassword, signIn, type StaffBrowser } from '../../support/staff-session';
import { createTestApp, type TestApp } from '../../support/test-app';

/**
 * The deflection panels count what the portal's forms stored: each form that was shown suggestions
 * once, in the week it was first shown them, and whether «Dette løste saken» ended it. The API's
 * own counts are not a form and stay out.
 */
describe('the statistics page: the knowledge base’s deflection rate and the articles that solved most', () => {
  let t: TestApp;
  let viewer: StaffBrowser;
  let articles: Array<{ id: string; title: string }>;

  beforeAll(async () => {
    t = await createTestApp();
    await t.get(SeedKnowledgeBase).execute();
    articles = await t.dataSource.query(`SELECT id, title FROM knowledge_article WHERE status = 'published' ORDER BY title LIMIT 3`);
    const [a, b, c] = articles.map((x) => x.id);
    const record = t.get(RecordDeflection);
    const shown = (ids: string[], session: string, channel: DeflectionChannel) => record.shown(ids, session, channel, null);
    const helped = (articleId: string, session: string, channel: DeflectionChannel) =>
      record.execute({ articleId, kind: 'helped', channel, session, consumerId: null });
    // This week: three forms shown suggestions, two solved by one.
    await shown([a, b], 'skjema-denne-1', 'report');
    await helped(a, 'skjema-denne-1', 'report');
    await shown([a], 'skjema-denne-2', 'ticket');
    await shown([b, c], 'skjema-denne-3', 'ticket');
    await helped(c, 'skjema-denne-3', 'ticket');
    // Counted through the API, not a form: left out.
    await shown([a], 'api-klient-0001', 'api');
    await helped(a, 'api-klient-0001', 'api');
    // Last week: two forms, one solved.
    await shown([a], 'skjema-forrige-1', 'report');
    await helped(a, 'skjema-forrige-1', 'report');
    await shown([b], 'skjema-forrige-2', 'report');
    await t.dataSource.query(
      `UPDATE knowledge_deflection SET created_at = created_at - interval '7 days' WHERE session LIKE 'skjema-forrige-%'`,
    );
    await createStaffWithPassword(t, 'leser@ks.example.test', 'viewer');
    viewer = await signIn(t, 'leser@ks.example.test');
  });
  afterAll(() => t?.close());

  it('counts per week the forms shown suggestions and those a suggestion solved', async () => {
    const rates = await t.get(DeflectionStatistics).ratePerWeek(12);
    expect(rates.weeks).toHaveLength(12);
    expect(rates.shown.slice(-2)).toEqual([2, 3]);
    expect(rates.helped.slice(-2)).toEqual([1, 2]);
    expect(rates.shown.slice(0, -2).every((n) => n === 0)).toBe(true);
  });

  it('ranks the articles by how many cases they solved on the forms', async () => {
    const [a, , c] = articles;
    expect(await t.get(DeflectionStatistics).topArticles(12, 10)).toEqual([
      expect.objectContaining({ articleId: a.id, title: a.title, helped: 2, shown: 3 }),
      expect.objectContaining({ articleId: c.id, title: c.title, helped: 1, shown: 1 }),
    ]);
  });

  it('shows both panels with their definition, chart and table of the same numbers', async () => {
    const [a, , c] = articles;
    const page = (await viewer.get('/statistics').expect(200)).text;
    expect(page).toContain('<caption>Løst av kunnskapsbasen per uke</caption>');
    expect(page).toContain('Avvisningsraten er andelen av utfylte skjemaer som ble løst av et forslag');
    expect(page).toContain('De siste 12 ukene: avvisningsrate 60\u00a0% (3 av 5 skjemaer med forslag ble løst uten å sendes).');
    expect(page).toContain('2 av 3 (67\u00a0%)');
    expect(page).toContain('1 av 2 (50\u00a0%)');
    expect(page).toMatch(
      /<canvas role="img" aria-label="[^"]+" data-chart="\{&quot;stacked&quot;:false,&quot;horizontal&quot;:false,&quot;unit&quot;:&quot;percent&quot;/,
    );
    expect(page).toContain('<caption>Artiklene som løste flest saker</caption>');
    expect(page).toContain(`Flest: «${a.title}», som løste 2 saker.`);
    const table = page.slice(page.indexOf('<caption>Artiklene som løste flest saker</caption>'));
    expect(table.indexOf(a.title)).toBeLessThan(table.indexOf(c.title));
  });
});
