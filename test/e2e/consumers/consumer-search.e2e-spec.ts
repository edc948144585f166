import { BERGEN, consumerRegistryApp, ORG, OSLO, registered } from '../../support/consumer-fixtures';
import { createStaffWithPassword, signIn, StaffBrowser } from '../../support/staff-session';
import { bearer, TestApp } from '../../support/test-app';

const AGENT = 'agent.register@ks.example.test';

/** A page's HTML with the entities Handlebars writes in attributes read back. */
const html = (text: string) => text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

/** Staff find a consumer by the people registered for it, too, and page and sort the register. */
describe('searching and paging the consumer register', () => {
  let t: TestApp;
  let agent: StaffBrowser;

  const names = async (q: string): Promise<string[]> =>
    (await t.http.get('/api/v1/consumers').query({ q }).set(bearer(t.adminToken)).expect(200)).body.items.map(
      (c: { name: string }) => c.name,
    );

  beforeAll(async () => {
    t = await consumerRegistryApp();
    await registered(t, {
      ...OSLO,
      contacts: [
        { name: 'Kari Nordmann', email: 'kari.nordmann@oslo.kommune.example.test', role: 'technical' },
        { name: 'Ola Fagsen', email: 'ola@bydel.example.test', role: 'professional' },
      ],
    });
    await registered(t, {
      ...BERGEN,
      contacts: [{ name: 'Per Hansen', email: 'per.hansen@bergen.kommune.example.test', role: 'professional' }],
    });
    await registered(t, {
      orgNumber: ORG.other,
      name: 'Nordmarka kommune',
      contacts: [{ name: 'Siri Li', email: 'siri@nordmarka.example.test', role: 'technical' }],
      services: [],
    });
    await createStaffWithPassword(t, AGENT, 'agent');
    agent = await signIn(t, AGENT);
  }, 180_000);
  afterAll(() => t?.close());

  it.each([
    ['a contact’s full name', 'Kari Nordmann', ['Oslo kommune']],
    ['part of a contact’s name, in any case', 'hANSen', ['Bergen kommune']],
    ['a contact’s e-mail address', 'ola@bydel.example.test', ['Oslo kommune']],
    ['the domain of contacts’ addresses', 'kommune.example.test', ['Bergen kommune', 'Oslo kommune']],
    ['the consumer’s own name still', 'Nordmarka', ['Nordmarka kommune']],
    ['a word in both a name and a contact', 'nordm', ['Nordmarka kommune', 'Oslo kommune']],
    ['nothing unrelated', 'Trude', []],
    ['a LIKE wildcard taken literally', '%', []],
  ])('finds by %s', async (_what, q, expected) => {
    expect(await names(q)).toEqual(expected);
  });

  it('finds by contact on the staff list, counting what it shows', async () => {
    const page = await agent.get('/consumers').query({ q: 'per.hansen@bergen' }).expect(200);
    expect(page.text).toContain('>Bergen kommune</a>');
    expect(page.text).not.toContain('>Oslo kommune</a>');
    expect(page.text).toContain('Viser 1–1 av 1 konsument');
  });

  it('sorts by a column from the URL, and keeps the search in the links', async () => {
    const order = (text: string) =>
      ['Bergen kommune', 'Nordmarka kommune', 'Oslo kommune'].sort((a, b) => text.indexOf(`>${a}</a>`) - text.indexOf(`>${b}</a>`));
    const byName = await agent.get('/consumers').expect(200);
    expect(order(byName.text)).toEqual(['Bergen kommune', 'Nordmarka kommune', 'Oslo kommune']);
    const byNameDown = await agent.get('/consumers').query({ sort: 'name', dir: 'desc' }).expect(200);
    expect(order(byNameDown.text)).toEqual(['Oslo kommune', 'Nordmarka kommune', 'Bergen kommune']);
    const byOrg = await agent.get('/consumers').query({ sort: 'org', q: 'kommune' }).expect(200);
    // 938801363 (Bergen) < 964338531 (Nordmarka) < 974760673 (Oslo)
    expect(order(byOrg.text)).toEqual(['Bergen kommune', 'Nordmarka kommune', 'Oslo kommune']);
    expect(html(byOrg.text)).toMatch(
      /<th scope="col" aria-sort="ascending"><a class="app-sort" href="\/consumers\?q=kommune&sort=org&dir=desc"/,
    );
  });

  it.each([
    { offset: '1e20' },
    { offset: '100000000000000000000' },
    { page: 'abc', sort: 'evil' },
    { sort: 'name;DROP TABLE consumer', dir: 'x' },
  ])('answers bad list parameters %j with the defaults, never 500', async (q) => {
    const page = await agent.get('/consumers').query(q).expect(200);
    expect(page.text).toContain('Viser 1–3 av 3 konsumenter');
  });
});
