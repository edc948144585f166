import { publishCatalogue, registerConsumer, type RegisteredConsumer } from '../../support/fixtures';
import { cookieHeader, createStaffWithPassword, openForm, signIn, type StaffBrowser, usePortalLink } from '../../support/staff-session';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';

describe('the statistics page: charts with their tables, for staff only', () => {
  let t: TestApp;
  let oslo: RegisteredConsumer;
  let viewer: StaffBrowser;

  beforeAll(async () => {
    t = await createTestApp();
    await publishCatalogue(t, ['inntekt', 'skatteoppgjor'], { inntekt: { name: 'Inntekt API' } });
    oslo = await registerConsumer(t, 515, ['inntekt', 'skatteoppgjor']);
    for (const [service, title] of [
      ['inntekt', 'Feil beløp i inntekt for mars'],
      ['skatteoppgjor', 'Skatteoppgjøret mangler for en skattyter'],
    ])
      await t.http
        .post('/api/v1/reports')
        .set(bearer(oslo.key))
        .send({ service, environment: 'production', category: 'deviation', title, description: `${title}, sett i svaret i dag.` })
        .expect(201);
    const ticket = await t.http
      .post('/api/v1/tickets')
      .set(bearer(oslo.key))
      .send({ subject: 'Tilgang til inntekt', body: 'Hva mangler vi?', category: 'access', service: 'inntekt' })
      .expect(201);
    // KS answers at once: a first response within its target.
    await t.http
      .post(`/api/v1/tickets/${ticket.body.id}/messages`)
      .set(bearer(t.adminToken))
      .send({ body: 'Dere trenger rollen.' })
      .expect(201);
    await createStaffWithPassword(t, 'leser@ks.example.test', 'viewer');
    viewer = await signIn(t, 'leser@ks.example.test');
  });
  afterAll(() => t?.close());

  it('shows every staff role the menu entry and the panels, each chart with a table of the same numbers', async () => {
    const page = await viewer.get('/statistics').expect(200);
    expect(page.text).toContain('href="/statistics"');
    for (const heading of [
      'Meldinger per uke etter tjeneste',
      'Meldinger per uke etter kategori',
      'Åpne hendelser etter status og alder',
      'Kommuner med flest åpne hendelser',
      'Påkobling',
      'Åpne henvendelser etter status og alder',
      'Tjenestenivå per uke',
      'Henvendelser per uke etter tjeneste',
      'Henvendelser per uke etter hva de gjelder',
    ])
      expect(page.text).toContain(`<caption>${heading}</caption>`);
    expect(page.text).toContain('1 åpen henvendelse nå.');
    expect(page.text).toContain('De siste 12 ukene: 100\u00a0% av de første svarene innen fristen.');
    // Nothing escalated yet: the panel says so instead of drawing an empty chart.
    expect(page.text).toContain('Eskaleringer til Skatteetaten per uke</h2>');
    expect(page.text).not.toContain('<caption>Eskaleringer til Skatteetaten per uke</caption>');
    expect(page.text).toContain('0 eskaleringer de siste 12 ukene.');
    expect(page.text).toContain('2 meldinger de siste 12 ukene.');
    expect(page.text).toContain('Inntekt API');
    expect(page.text).toContain('Flest: Kommune 515 med 2 åpne hendelser.');
    // The chart's figures travel in a data attribute read by a script file: no inline script under the CSP.
    expect(page.text).toMatch(/<canvas role="img" aria-label="[^"]+" data-chart="\{&quot;stacked&quot;:true/);
    expect(page.text).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.text).toContain('<script src="/assets/chart.js/chart.umd.min.js" defer></script>');
  });

  it('serves Chart.js and the chart script from the app itself', async () => {
    const lib = await t.http.get('/assets/chart.js/chart.umd.min.js').expect(200);
    expect(lib.headers['content-type']).toMatch(/javascript/);
    expect(lib.text).toContain('Chart');
    await t.http.get('/assets/dashboards.js').expect(200);
  });

  it('is not for consumers: an API key is refused, and a signed-out browser is sent to sign in', async () => {
    await t.http.get('/statistics').set(bearer(oslo.key)).set('Accept', 'text/html').expect(403);
    const signedOut = await t.http.get('/statistics').set('Accept', 'text/html').expect(303);
    expect(signedOut.headers.location).toBe('/login?next=%2Fstatistics');
  });

  it('is not for a consumer signed in to the portal', async () => {
    const form = await openForm(t, '/portal/login');
    await t.http
      .post('/portal/login')
      .set('Cookie', cookieHeader(form.cookies))
      .type('form')
      .send({ _csrf: form.csrf, email: oslo.emails[0] })
      .expect(200);
    const [row] = await t.dataSource.query(
      `SELECT text FROM outbox_message WHERE template = 'portal-sign-in' AND $1 = ANY(to_addresses) ORDER BY created_at DESC LIMIT 1`,
      [oslo.emails[0]],
    );
    const signedIn = await usePortalLink(t, new URL(/https?:\/\/\S+\/portal\/login\/\S+/.exec(row.text)![0]).pathname);
    const cookie = (signedIn.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('sd_portal='))!.split(';')[0];
    await t.http.get('/portal').set('Cookie', cookie).expect(200);
    // The portal session is no staff session: the page asks for a staff sign-in.
    const res = await t.http.get('/statistics').set('Cookie', cookie).set('Accept', 'text/html').expect(303);
    expect(res.headers.location).toBe('/login?next=%2Fstatistics');
  });
});
