import { reportBody, reportingApp } from '../../support/incident-fixtures';
import { createStaffWithPassword, signIn, StaffBrowser } from '../../support/staff-session';
import { bearer, TestApp } from '../../support/test-app';

const AGENT = 'agent.sok@ks.example.test';

/** A page's HTML with the entities Handlebars writes in attributes read back. */
const html = (text: string) => text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

interface Receipt {
  id: string;
  reference: string;
  incidentId: string;
  incidentReference: string;
}

/** The queue as staff search it: by what the reports say, their codes and status, the municipality and references. */
describe('searching and paging the incident queue', () => {
  let t: TestApp;
  let agent: StaffBrowser;
  let outage: Receipt;
  let access: Receipt;
  let deviation: Receipt;
  let sendAsA: (body: Record<string, unknown>) => Promise<Receipt>;

  const search = async (q: string): Promise<string[]> => {
    const res = await t.http
      .get('/api/v1/incidents')
      .query({ q, status: 'new,triaged,escalated,resolved,closed' })
      .set(bearer(t.adminToken));
    expect(res.status).toBe(200);
    return (res.body as Array<{ reference: string }>).map((i) => i.reference).sort();
  };

  beforeAll(async () => {
    const app = await reportingApp();
    t = app.t;
    const rename = async (id: string, name: string) =>
      expect((await t.http.patch(`/api/v1/consumers/${id}`).set(bearer(t.adminToken)).send({ name })).status).toBe(200);
    await rename(app.a.id, 'Alta kommune');
    await rename(app.b.id, 'Saltdal kommune');
    await rename(app.c.id, 'Bodø kommune');
    const send = async (key: string, body: Record<string, unknown>): Promise<Receipt> => {
      const res = await t.http.post('/api/v1/reports').set(bearer(key)).send(reportBody(body));
      expect(res.status).toBe(201);
      return res.body as Receipt;
    };
    sendAsA = (body) => send(app.a.key, body);
    // Three problems apart by service and environment, each worded in its own way.
    outage = await send(app.a.key, {});
    access = await send(app.b.key, {
      service: 'inntekt',
      environment: 'test',
      title: 'Leverandøren får avvist oppslag',
      description: 'Fagsystemet får Forbidden med SSG-008 når det slår opp på vegne av kommunen.',
      httpStatus: 403,
      errorCode: 'SSG-008',
    });
    deviation = await send(app.c.key, {
      service: 'skatteoppgjor',
      category: 'deviation',
      title: 'Feil beløp for en skattyter',
      description: 'Beløpet for formue i skatteoppgjøret stemmer ikke med det skattyter har fått.',
      httpStatus: 200,
      errorCode: undefined,
    });
    await createStaffWithPassword(t, AGENT, 'agent');
    agent = await signIn(t, AGENT);
  }, 180_000);
  afterAll(() => t?.close());

  it('has three incidents to search among', () => {
    expect(new Set([outage.incidentId, access.incidentId, deviation.incidentId]).size).toBe(3);
  });

  it('names the services as the catalogue does, on the queue, its filter and the incident page', async () => {
    const queue = (await agent.get('/incidents').query({ status: 'all' }).expect(200)).text;
    // Beneath the title, with the environment.
    expect(queue).toContain('<small class="app-muted">Tjeneste inntekt · Test</small>');
    expect(queue).not.toMatch(/>inntekt ·/);
    expect(queue).toContain('<option value="inntekt" >Tjeneste inntekt</option>');
    const page = (await agent.get(`/incidents/${outage.incidentId}`).expect(200)).text;
    expect(page).toMatch(/<dt>Tjenester<\/dt><dd>Tjeneste [a-z-]+<\/dd>/);
  });

  it('lists the first five correlation ids of an incident and folds the rest', async () => {
    for (let i = 1; i <= 7; i++) expect((await sendAsA({ correlationId: `spor-${i}` })).incidentId).toBe(outage.incidentId);
    const page = (await agent.get(`/incidents/${outage.incidentId}`).expect(200)).text;
    const listed = [...page.matchAll(/<li><code>(spor-\d)<\/code><\/li>/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(['spor-1', 'spor-2', 'spor-3', 'spor-4', 'spor-5', 'spor-6', 'spor-7']);
    const folded = /<details class="ds-details"><summary>Vis 2 til<\/summary>(.*?)<\/details>/s.exec(page)?.[1] ?? '';
    expect(folded.match(/<code>/g)).toHaveLength(2);
  });

  it.each([
    ['an error code', 'SSG-008', () => [access]],
    ['an error code in lower case', 'ssg-008', () => [access]],
    ['an HTTP status', '503', () => [outage]],
    ['an HTTP status no text names', '403', () => [access]],
    ['a word only in a report’s description', 'formue', () => [deviation]],
    ['part of a word in a report', 'fagsyst', () => [access]],
    ['a municipality by name, not one containing it', 'Alta', () => [outage]],
    ['a municipality by the start of its name', 'Bod', () => [deviation]],
    ['two words that must both match', 'Alta 503', () => [outage]],
    ['a report’s reference', '', () => [deviation]],
  ])('finds by %s', async (_what, q, expected) => {
    const query = q || deviation.reference;
    expect(await search(query)).toEqual(
      expected()
        .map((r) => r.incidentReference)
        .sort(),
    );
  });

  it('finds an incident by its reference, and nothing for words that do not match together', async () => {
    expect(await search(access.incidentReference)).toEqual([access.incidentReference]);
    expect(await search(access.incidentReference.toLowerCase())).toEqual([access.incidentReference]);
    expect(await search('Alta 403')).toEqual([]);
    expect(await search('Tromsø')).toEqual([]);
    expect(await search('%')).toEqual([]);
  });

  it('searches the same way on the staff page and keeps the search in the sort and page links', async () => {
    const page = await agent.get('/incidents').query({ q: 'Alta', status: 'all' }).expect(200);
    expect(page.text).toContain(`>${outage.incidentReference}</a>`);
    expect(page.text).not.toContain(`>${access.incidentReference}</a>`);
    expect(page.text).toContain('Viser 1–1 av 1 hendelse');
    expect(html(page.text)).toContain('href="/incidents?status=all&q=Alta&sort=reference&dir=desc"');
  });

  it('sorts by a column from the URL and marks it for assistive technology', async () => {
    const order = (html: string) =>
      [outage, access, deviation].map((r) => r.incidentReference).sort((x, y) => html.indexOf(`>${x}</a>`) - html.indexOf(`>${y}</a>`));
    const ascending = await agent.get('/incidents').query({ status: 'all', sort: 'reference', dir: 'asc' }).expect(200);
    expect(order(ascending.text)).toEqual([outage, access, deviation].map((r) => r.incidentReference).sort());
    expect(html(ascending.text)).toMatch(/<th scope="col" aria-sort="ascending"><a class="app-sort" href="[^"]*sort=reference&dir=desc"/);
    const descending = await agent.get('/incidents').query({ status: 'all', sort: 'reference', dir: 'desc' }).expect(200);
    expect(order(descending.text)).toEqual(order(ascending.text).reverse());
  });

  it('lists the most severe first by default and marks the severity column descending, as it is', async () => {
    const position = (text: string, r: Receipt) => text.indexOf(`>${r.incidentReference}</a>`);
    const severity = (text: string) =>
      /<th scope="col"( aria-sort="[a-z]+")?><a class="app-sort" href="([^"]*sort=impact[^"]*)"[^>]*>Alvorlighet([^<]*<span[^>]*>[▲▼]<\/span>)?/.exec(
        html(text),
      );
    // The test environment's access problem is the least severe (low); the other two are medium.
    const byDefault = await agent.get('/incidents').query({ status: 'all' }).expect(200);
    expect(position(byDefault.text, access)).toBeGreaterThan(position(byDefault.text, outage));
    expect(position(byDefault.text, access)).toBeGreaterThan(position(byDefault.text, deviation));
    const header = severity(byDefault.text)!;
    expect(header[1]).toBe(' aria-sort="descending"');
    expect(header[2]).toContain('sort=impact&dir=asc');
    expect(header[3]).toContain('▼');

    const leastFirst = await agent.get('/incidents').query({ status: 'all', sort: 'impact', dir: 'asc' }).expect(200);
    expect(position(leastFirst.text, access)).toBeLessThan(position(leastFirst.text, outage));
    expect(position(leastFirst.text, access)).toBeLessThan(position(leastFirst.text, deviation));
    const turned = severity(leastFirst.text)!;
    expect(turned[1]).toBe(' aria-sort="ascending"');
    expect(turned[2]).toContain('sort=impact&dir=desc');
    expect(turned[3]).toContain('▲');
  });

  it.each([
    { sort: 'evil; DROP TABLE incident', page: 'abc' },
    { offset: '1e20', dir: 'sideways' },
    { page: '99999999999999999999' },
    { page: '400' },
    { sort: ['reference', 'title'] },
  ])('answers bad list parameters %j with the defaults, never 500', async (q) => {
    const page = await agent
      .get('/incidents')
      .query({ status: 'all', ...q })
      .expect(200);
    expect(page.text).toMatch(/Viser 1–3 av 3 hendelser|Ingen treff på side 400 \(3 hendelser i alt\)/);
  });

  it('pages the JSON list by limit and offset, with the whole count in X-Total-Count', async () => {
    const list = (query: Record<string, unknown>) =>
      t.http
        .get('/api/v1/incidents')
        .query({ status: 'new,triaged,escalated,resolved,closed', ...query })
        .set(bearer(t.adminToken))
        .expect(200);
    const whole = await list({});
    const references = (res: { body: Array<{ reference: string }> }) => res.body.map((i) => i.reference);
    expect(whole.headers['x-total-count']).toBe('3');
    const first = await list({ limit: 2 });
    const rest = await list({ limit: 2, offset: 2 });
    expect(references(first)).toHaveLength(2);
    expect([...references(first), ...references(rest)]).toEqual(references(whole));
    expect([first.headers['x-total-count'], rest.headers['x-total-count']]).toEqual(['3', '3']);
    const past = await list({ offset: 10 });
    expect([past.body, past.headers['x-total-count']]).toEqual([[], '3']);
  });

  it.each([
    ['limit', '0'],
    ['limit', '201'],
    ['limit', 'ten'],
    ['offset', '-1'],
    ['offset', '1e20'],
  ])('refuses %s=%s with a 400 naming it', async (field, value) => {
    const res = await t.http
      .get('/api/v1/incidents')
      .query({ [field]: value })
      .set(bearer(t.adminToken))
      .expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });
});
