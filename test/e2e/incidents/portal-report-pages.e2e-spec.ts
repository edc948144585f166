import { publishCatalogue, registerConsumer, RegisteredConsumer } from '../../support/fixtures';
import { reportBody } from '../../support/incident-fixtures';
import { cookieHeader, createStaffWithPassword, openForm, setCookieLine, signIn, usePortalLink } from '../../support/staff-session';
import { bearer, createTestApp, TestApp } from '../../support/test-app';

const SERVICE = 'summert-skattegrunnlag';

/** The consumer portal's report form as a signed-in contact posts it. */
describe('portal report form with odd input', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let cookie: string;
  let csrf: string;

  const form = () => ({
    service: SERVICE,
    environment: 'production',
    category: 'incident',
    title: 'Alle oppslag gir 503',
    description: 'Fra kl. 08 får vi 503 på alle oppslag.',
    occurredAt: '2026-03-01T08:00',
    httpStatus: '503',
  });
  const reportCount = async () => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM report`))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    await publishCatalogue(t, [SERVICE]);
    a = await registerConsumer(t, 111, [SERVICE]);
    const login = await openForm(t, '/portal/login');
    await t.http
      .post('/portal/login')
      .set('Cookie', cookieHeader(login.cookies))
      .type('form')
      .send({ _csrf: login.csrf, email: a.emails[0] })
      .expect(200);
    const [mail] = await t.dataSource.query(
      `SELECT text FROM outbox_message WHERE template = 'portal-sign-in' ORDER BY created_at DESC LIMIT 1`,
    );
    const link = new URL(/https?:\/\/\S+\/portal\/login\/\S+/.exec(mail.text)![0]).pathname;
    cookie = setCookieLine(await usePortalLink(t, link), 'sd_portal')!.split(';')[0];
    csrf = /name="_csrf" value="([^"]+)"/.exec((await t.http.get('/portal/reports/new').set('Cookie', cookie).expect(200)).text)![1];
  });
  afterAll(() => t?.close());

  it.each([
    ['a NUL character in the title', { title: 'Feil\u0000' }, 'Kort tittel'],
    ['a NUL character in the description', { description: 'Beskrivelse\u0000' }, 'Hva skjedde'],
    ['a day that does not exist', { occurredAt: '2026-02-30T08:00' }, 'Når startet det'],
    ['a year out of range', { occurredAt: '0001-01-01T00:00' }, 'Når startet det'],
    ['a start in the future', { occurredAt: `${new Date().getFullYear() + 1}-06-01T10:00` }, 'Når startet det'],
    ['an HTTP status of 1e20', { httpStatus: '1e20' }, 'HTTP-status'],
    ['an HTTP status with a fraction', { httpStatus: '503.5' }, 'HTTP-status'],
  ])('re-shows the form in Norwegian for %s, on the check and on submit, and stores nothing', async (_what, odd, label) => {
    for (const path of ['/portal/reports/new/check', '/portal/reports']) {
      const page = await t.http
        .post(path)
        .set('Cookie', cookie)
        .type('form')
        .send({ ...form(), ...odd, _csrf: csrf })
        .expect(400);
      expect(page.text).toContain('<h1 class="ds-heading" data-size="lg">Ny feil- eller avviksmelding</h1>');
      expect(page.text).toMatch(/<title>Feil: [^<]+ – KS konsumentportal<\/title>/);
      expect(page.text).toContain('Noe mangler eller er feil i skjemaet. Se feltene som er merket.');
      expect(page.text).toMatch(new RegExp(`<a class="ds-link" href="#report-[A-Za-z]+">${label}: `));
    }
    expect(await reportCount()).toBe(0);
  });

  it('gives a description of several lines back unchanged from the check, so it is sent as written', async () => {
    const description = 'Steg for å gjenskape:\n1. Slå opp en person\n  2. Se svaret\n\nForventet: 200.';
    const page = await t.http
      .post('/portal/reports/new/check')
      .set('Cookie', cookie)
      .type('form')
      .send({ ...form(), description, _csrf: csrf })
      .expect(200);
    const shown = /<textarea[^>]*name="description"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.text)?.[1];
    // A browser drops one newline right after the opening tag.
    expect(shown?.replace(/^\n/, '')).toBe(description);
  });

  it('takes the same form with valid values', async () => {
    await t.http
      .post('/portal/reports')
      .set('Cookie', cookie)
      .type('form')
      .send({ ...form(), _csrf: csrf })
      .expect(303);
    expect(await reportCount()).toBe(1);
    expect((await t.http.get('/portal/reports/new').set('Cookie', cookie).expect(200)).text).not.toContain('<title>Feil: ');
  });

  it("links the confirmation to the report by its reference, and opens only the consumer's own", async () => {
    const [report] = await t.dataSource.query(`SELECT id, reference FROM report`);
    const [mail] = await t.dataSource.query(`SELECT text, html FROM outbox_message WHERE template = 'report-confirmation'`);
    // No id in the e-mail: a UUID's digits can by chance read as an identity number.
    expect(`${mail.text}${mail.html}`).not.toContain(report.id);
    const link = new URL(/https?:\/\/\S+\/portal\/reports\/ref\/\S+/.exec(mail.text)![0]).pathname;
    expect(link).toBe(`/portal/reports/ref/${report.reference}`);
    const opened = await t.http.get(link).set('Cookie', cookie).expect(303);
    expect(opened.headers.location).toBe(`/portal/reports/${report.id}`);
    await t.http.get('/portal/reports/ref/M-1999-00001').set('Cookie', cookie).expect(404);
  });

  it('pages the organisation’s reports fifty at a time, in the portal and on the staff’s tab alike', async () => {
    for (let n = 1; n <= 50; n++)
      await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(reportBody({ environment: 'test', title: `Melding nummer ${n}` }))
        .expect(201);
    const [oldest] = await t.dataSource.query(`SELECT reference FROM report ORDER BY received_at LIMIT 1`);
    const first = (await t.http.get('/portal/reports').set('Cookie', cookie).expect(200)).text;
    expect(first).toContain('Viser 1–50 av 51 meldinger');
    expect(first).toContain('Melding nummer 50');
    expect(first).not.toContain(oldest.reference);
    expect(first.replace(/&#x3D;/g, '=')).toContain('href="/portal/reports?page=2" rel="next"');
    const second = (await t.http.get('/portal/reports?page=2').set('Cookie', cookie).expect(200)).text;
    expect(second).toContain('Viser 51–51 av 51 meldinger');
    expect(second).toContain(oldest.reference);
    expect(second).not.toContain('Melding nummer');

    await createStaffWithPassword(t, 'agent@ks.no', 'agent');
    const staff = await signIn(t, 'agent@ks.no');
    const tab = (await staff.get(`/consumers/${a.id}/reports?page=2`).expect(200)).text;
    expect(tab).toContain('Viser 51–51 av 51 meldinger');
    expect(tab).toContain(oldest.reference);
    expect(tab).toContain(`href="/consumers/${a.id}/reports" rel="prev"`);
  });
});
