import { publishCatalogue, registerConsumer, type RegisteredConsumer } from '../../support/fixtures';
import { createStaffWithPassword, signIn, type StaffBrowser } from '../../support/staff-session';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';

const SERVICES = ['inntekt', 'summert-skattegrunnlag'];

describe('the one search box: every kind grouped with counts, exact references straight to their page', () => {
  let t: TestApp;
  let oslo: RegisteredConsumer;
  let agent: StaffBrowser;
  let incident: { id: string; reference: string };
  let report: { id: string; reference: string };
  let changeRequest: { id: string; reference: string };

  beforeAll(async () => {
    t = await createTestApp();
    await publishCatalogue(t, SERVICES);
    oslo = await registerConsumer(t, 301, SERVICES);
    await registerConsumer(t, 302, SERVICES);
    const sent = await t.http
      .post('/api/v1/reports')
      .set(bearer(oslo.key))
      .send({
        service: 'inntekt',
        environment: 'production',
        category: 'deviation',
        title: 'Feilene i inntektsmottakene',
        description: 'Lønnsopplysningene for februar mangler i svaret, feilkode ABC-123.',
        errorCode: 'ABC-123',
      })
      .expect(201);
    report = { id: sent.body.id, reference: sent.body.reference };
    const found = await t.http.get(`/api/v1/incidents/${sent.body.incidentId}`).set(bearer(t.adminToken)).expect(200);
    incident = { id: found.body.id, reference: found.body.reference };
    const wish = await t.http
      .post('/api/v1/change-requests')
      .set(bearer(oslo.key))
      .send({
        service: 'summert-skattegrunnlag',
        title: 'Månedlige lønnsopplysninger i skattegrunnlaget',
        description: 'Vi ønsker inntekt per måned.',
        useCase: 'Redusert foreldrebetaling.',
        urgency: 'high',
      })
      .expect(201);
    changeRequest = { id: wish.body.id, reference: wish.body.reference };
    await createStaffWithPassword(t, 'agent@ks.example.test', 'agent');
    agent = await signIn(t, 'agent@ks.example.test');
  });
  afterAll(() => t?.close());

  it('has a search box in the staff header', async () => {
    const home = await agent.get('/').expect(200);
    expect(home.text).toMatch(/<form class="app-search" method="get" action="\/search" role="search"/);
  });

  it('finds by Norwegian word forms (stemmed) across incidents, reports and change requests, grouped with counts', async () => {
    // «lønnsopplysning» is stored as «Lønnsopplysningene» and «lønnsopplysninger»: the Norwegian stemmer meets both.
    const page = await agent.get('/search?q=l%C3%B8nnsopplysning').expect(200);
    expect(page.text).toContain('Meldinger (1)');
    expect(page.text).toContain('Endringsønsker (1)');
    expect(page.text).toContain(`href="/incidents/${incident.id}#report-${report.id}"`);
    expect(page.text).toContain(`href="/change-requests/${changeRequest.id}"`);
    expect(page.text).toContain('Konsumenter (0)');
  });

  it('finds an incident by a word of its reports, by a typo in its title (trigram) and by its error code', async () => {
    for (const q of ['februar', 'inntektsmotakene', 'abc-123']) {
      const page = await agent.get(`/search?q=${encodeURIComponent(q)}`).expect(200);
      expect(page.text).toContain('Hendelser (1)');
      expect(page.text).toContain(`href="/incidents/${incident.id}"`);
    }
  });

  it('finds consumers by name and organisation number prefix, linking to the full list', async () => {
    const page = await agent.get('/search?q=Kommune%2030').expect(200);
    expect(page.text).toContain('Konsumenter (2)');
    expect(page.text).toContain(`href="/consumers/${oslo.id}"`);
  });

  it('sends an exact reference or organisation number straight to its page', async () => {
    const cases: Array<[string, string]> = [
      [incident.reference.toLowerCase(), `/incidents/${incident.id}`],
      [report.reference, `/incidents/${incident.id}#report-${report.id}`],
      [changeRequest.reference, `/change-requests/${changeRequest.id}`],
      [oslo.orgNumber, `/consumers/${oslo.id}`],
    ];
    for (const [q, location] of cases) {
      const res = await agent.get(`/search?q=${encodeURIComponent(q)}`).expect(303);
      expect(res.headers.location).toBe(location);
    }
  });

  it('says so when nothing matches, and asks for a search when none is given', async () => {
    expect((await agent.get('/search?q=zzqqxx').expect(200)).text).toContain('Ingen treff.');
    expect((await agent.get('/search').expect(200)).text).toContain('Skriv et ord');
  });

  it('works for every staff role (a viewer too), and is not for signed-out browsers', async () => {
    await createStaffWithPassword(t, 'leser@ks.example.test', 'viewer');
    const viewer = await signIn(t, 'leser@ks.example.test');
    const page = await viewer.get('/search?q=februar').expect(200);
    expect(page.text).toContain('Hendelser (1)');
    const signedOut = await t.http.get('/search?q=februar').set('Accept', 'text/html').expect(303);
    expect(signedOut.headers.location).toMatch(/^\/login/);
  });

  it('finds tickets by subject and opens one by its HV- reference', async () => {
    const ticket = await t.http
      .post('/api/v1/tickets')
      .set(bearer(oslo.key))
      .send({ subject: 'Sertifikatet til virksomheten er utløpt', body: 'Hva gjør vi?' })
      .expect(201);
    const page = await agent.get('/search?q=sertifikatet').expect(200);
    expect(page.text).toContain('Henvendelser (1)');
    expect(page.text).toContain(`href="/tickets/${ticket.body.id}"`);
    const res = await agent.get(`/search?q=${ticket.body.reference}`).expect(303);
    expect(res.headers.location).toBe(`/tickets/${ticket.body.id}`);
  });

  it('finds tickets by the consumer’s name and by the caller’s name or e-mail address', async () => {
    const ticket = await t.http
      .post('/api/v1/tickets')
      .set(bearer(t.adminToken))
      .send({ subject: 'Ringte om tilgang', body: 'Notert fra telefon.', consumerId: oslo.id, requesterName: 'Åse Nordmann' })
      .expect(201);
    const other = await t.http
      .post('/api/v1/tickets')
      .set(bearer(t.adminToken))
      .send({ subject: 'Spørsmål om API-nøkkel', body: 'Hei.', requesterEmail: 'leverandor@system.example.test' })
      .expect(201);
    // The fixture names it «Kommune 301».
    const byMunicipality = await agent.get('/search?q=Kommune%20301').expect(200);
    expect(byMunicipality.text).toContain(`href="/tickets/${ticket.body.id}"`);
    expect(byMunicipality.text).not.toContain(`href="/tickets/${other.body.id}"`);
    const byName = await agent.get('/search?q=nordmann').expect(200);
    expect(byName.text).toContain(`href="/tickets/${ticket.body.id}"`);
    const byEmail = await agent.get('/search?q=leverandor%40system').expect(200);
    expect(byEmail.text).toContain(`href="/tickets/${other.body.id}"`);
    expect(byEmail.text).not.toContain(`href="/tickets/${ticket.body.id}"`);
  });

  it('finds knowledge articles by the knowledge base’s Norwegian search', async () => {
    // The seeded article «Tilgang mangler: delegering i Altinn», found by another form of the word.
    const [article] = await t.dataSource.query(`SELECT id FROM knowledge_article WHERE title = 'Tilgang mangler: delegering i Altinn'`);
    const page = await agent.get('/search?q=delegeringen').expect(200);
    expect(page.text).toMatch(/Kunnskapsartikler \(\d+\)/);
    expect(page.text).toContain(`href="/knowledge-base/${article.id}"`);
  });
});
