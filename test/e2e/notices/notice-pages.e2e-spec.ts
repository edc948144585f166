import { publishCatalogue, registerConsumer, type RegisteredConsumer } from '../../support/fixtures';
import { SmtpCapture } from '../../support/smtp-capture';
import {
  cookieHeader,
  createStaffWithPassword,
  openForm,
  setCookieLine,
  signIn,
  StaffBrowser,
  usePortalLink,
} from '../../support/staff-session';
import { createTestApp, TestApp } from '../../support/test-app';

/** A datetime-local value some days ahead (Oslo wall-clock time is close enough for "in the future"). */
const localIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);

describe('the notice pages', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let agent: StaffBrowser;
  let viewer: StaffBrowser;
  let a: RegisteredConsumer;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({ SMTP_URL: smtp.url });
    await publishCatalogue(t, ['ssg', 'inntekt']);
    a = await registerConsumer(t, 111, ['ssg']);
    await registerConsumer(t, 222, ['inntekt']);
    await createStaffWithPassword(t, 'agent@ks.example.test', 'agent');
    await createStaffWithPassword(t, 'viewer@ks.example.test', 'viewer');
    agent = await signIn(t, 'agent@ks.example.test');
    viewer = await signIn(t, 'viewer@ks.example.test');
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const form = (over: Record<string, string> = {}) => ({
    title: 'Nytt felt i SSG',
    kind: 'dataset-change',
    services: 'ssg',
    environments: 'production',
    effectiveAt: localIn(40),
    body: 'Feltet kommer i neste versjon.',
    technicalBody: 'Se skjemaet.',
    ...over,
  });

  it.each([
    ['a date in the past', () => localIn(-2)],
    ['a day that does not exist', () => '2030-02-30T10:00'],
  ])('shows a failed form again in Norwegian for %s, naming the field, and stores nothing', async (_, effectiveAt) => {
    const res = await agent.post('/notices', form({ effectiveAt: effectiveAt() }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('<a class="ds-link" href="#effectiveAt">Gjelder fra: ');
    expect(res.text).toMatch(/id="effectiveAt" name="effectiveAt" aria-invalid="true"/);
    expect(res.text).toContain('Nytt felt i SSG');
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM notice'))[0].n).toBe(0);
  });

  it('names a link that is not a web address by its place among the links (blank lines not counted), not by the list index', async () => {
    const res = await agent.post('/notices', form({ links: 'https://ske.example/ok\n\nSkjema | ftp://ske.example/skjema\n' }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('<a class="ds-link" href="#links">Lenker, nr. 2: Skriv én lenke per linje');
    expect(res.text).not.toContain('links[1]');
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM notice'))[0].n).toBe(0);
  });

  it.each(['1e309', '12345678901234567890', '-3', 'to'])('lists the notices for a page number typed by hand (%s)', async (page) => {
    const res = await agent.get(`/notices?page=${page}`).expect(200);
    expect(res.text).toContain('Endringsvarsler');
  });

  it('lets an agent write a notice, preview every recipient, send it once and follow it up; the link confirms', async () => {
    const created = await agent.post('/notices', form());
    expect(created.status).toBe(303);
    const path = created.headers.location.split('?')[0];
    const page = await agent.get(path).expect(200);
    expect(page.text).toContain('Mottakere hvis varselet sendes nå');
    expect((await agent.get('/notices').expect(200)).text).toContain('Side 1 av 1 (1 varsel)');
    for (const email of a.emails) expect(page.text).toContain(email);
    expect(page.text).not.toContain('222@');
    await agent.post(`${path}/send`).expect(303);
    await agent.post(`${path}/send`).expect(303);
    await t.deliverMail();
    const mails = smtp.messages.filter((m) => m.parsed.subject?.includes('Nytt felt i SSG'));
    expect(mails.flatMap((m) => m.envelopeTo).sort()).toEqual([...a.emails].sort());
    const tech = mails.find((m) => m.envelopeTo[0] === a.emails[0]);
    expect(tech?.parsed.text).toContain('Se skjemaet.');
    const link = /(\/varsler\/kvittering\/nack_[A-Za-z0-9_-]+)/.exec(tech?.parsed.text ?? '')?.[1] ?? '';

    // the link's page records nothing by itself; its button does, once
    const ack = await openForm(t, link);
    expect(ack.html).toContain('Vi har lest varselet');
    const post = (action: string) =>
      t.http.post(link).set('Cookie', cookieHeader(ack.cookies)).type('form').send({ _csrf: ack.csrf, action });
    expect((await post('ready')).status).toBe(303);
    const again = await post('ready');
    expect(again.status).toBe(409);
    expect(again.text).toContain('allerede bekreftet');

    const dashboard = await viewer.get(path).expect(200);
    expect(dashboard.text).toContain('Levering og bekreftelser');
    expect(dashboard.text).toMatch(/1 konsumenter har lest, 1 er klare/);
    expect(dashboard.text).not.toContain('Send nå');
    const list = await viewer.get('/notices').expect(200);
    expect(list.text).toContain('Nytt felt i SSG');
    expect(list.text).not.toContain('Nytt endringsvarsel');
  });

  it('changes a draft in the editor, which opens with what was stored', async () => {
    const created = await agent.post('/notices', form({ title: 'Kladd som endres', professionalBody: 'Til fag' }));
    const path = created.headers.location.split('?')[0];
    const editor = await agent.get(`${path}/edit`).expect(200);
    expect(editor.text).toContain('value="Kladd som endres"');
    expect(editor.text).toContain('Til fag');
    const bad = await agent.post(path, form({ title: 'Endret', services: 'finnes-ikke' }));
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Tjenester');
    await agent.post(path, form({ title: 'Endret kladd' })).expect(303);
    const page = await agent.get(path).expect(200);
    expect(page.text).toContain('Endret kladd');
    expect((await viewer.get(`${path}/edit`)).status).toBe(403);
  });

  it('refuses a draft changed by someone else since the editor opened, in the page and in the API, and saves when sent again', async () => {
    const created = await agent.post('/notices', form({ title: 'Kladd to redigerer' }));
    const path = created.headers.location.split('?')[0];
    const id = path.split('/').pop()!;
    const versionOn = (html: string) => /<input type="hidden" name="version" value="([^"]+)">/.exec(html)?.[1];
    const opened = versionOn((await agent.get(`${path}/edit`).expect(200)).text);
    const api = () => ({ Authorization: `Bearer ${t.adminToken}` });
    const read = await t.http.get(`/api/v1/notices/${id}`).set(api()).expect(200);
    expect(read.headers.etag).toBe(`"${opened}"`);

    // Someone else changes the draft meanwhile.
    await agent.post(path, form({ title: 'Endret av en annen', version: opened! })).expect(303);
    const refused = await agent.post(path, form({ title: 'Min endring', version: opened! }));
    expect(refused.status).toBe(412);
    expect(refused.text).toContain('Noen andre endret varselet etter at du åpnet det.');
    expect(refused.text).toContain('value="Min endring"');
    const stale = await t.http
      .put(`/api/v1/notices/${id}`)
      .set(api())
      .set('If-Match', read.headers.etag)
      .send({ ...read.body, title: 'Fra API-et' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('notice_changed');
    expect((await t.http.get(`/api/v1/notices/${id}`).set(api()).expect(200)).body.title).toBe('Endret av en annen');

    await agent.post(path, form({ title: 'Min endring', version: versionOn(refused.text)! })).expect(303);
    const now = await t.http.get(`/api/v1/notices/${id}`).set(api()).expect(200);
    expect(now.body.title).toBe('Min endring');
    expect(now.headers.etag).not.toBe(read.headers.etag);
  });

  it('refuses a plan to send in the past beside its field, keeping the time typed', async () => {
    const created = await agent.post('/notices', form({ title: 'Planlegges feil' }));
    const path = created.headers.location.split('?')[0];
    const past = localIn(-1);
    const refused = await agent.post(`${path}/schedule`, { sendAt: past });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<a class="ds-link" href="#sendAt">Planlegg utsending: ');
    expect(refused.text).toContain(`id="sendAt" name="sendAt" type="datetime-local" value="${past}" aria-invalid="true"`);
    expect((await agent.get(path).expect(200)).text).not.toContain('Planlagt');
  });

  it('answers a forged or expired link with a clear page', async () => {
    const res = await t.http.get('/varsler/kvittering/nack_forged').set('Accept', 'text/html');
    expect(res.status).toBe(404);
    expect(res.text).toContain('Lenken er ugyldig');
  });

  it("shows the notice in the portal to the organisation's users, with the buttons still to press", async () => {
    const login = await openForm(t, '/portal/login');
    await t.http
      .post('/portal/login')
      .set('Cookie', cookieHeader(login.cookies))
      .type('form')
      .send({ _csrf: login.csrf, email: a.emails[1] })
      .expect(200);
    const rows = await t.dataSource.query(
      `SELECT text FROM outbox_message WHERE template = 'portal-sign-in' AND $1 = ANY(to_addresses) ORDER BY created_at DESC LIMIT 1`,
      [a.emails[1]],
    );
    const signInPath = new URL(/https?:\/\/\S+\/portal\/login\/\S+/.exec(rows[0].text)![0]).pathname;
    const cookie = setCookieLine(await usePortalLink(t, signInPath), 'sd_portal')!.split(';')[0];
    // The start page says what waits on the organisation: the notice it has not confirmed.
    const home = await t.http.get('/portal').set('Cookie', cookie).expect(200);
    expect(home.text).toContain('<li><a class="ds-link" href="/portal/varsler">1 varsel venter på bekreftelse</a></li>');
    const portal = await t.http.get('/portal/varsler').set('Cookie', cookie).expect(200);
    expectPortalLayout(portal.text);
    expect(portal.text).toContain('Nytt felt i SSG');
    // The text for everyone, and the one its technical contact got, each as written.
    expect(portal.text).toContain('<p class="ds-paragraph app-pre">Feltet kommer i neste versjon.</p>');
    expect(portal.text).toMatch(
      /<h3 class="ds-heading" data-size="xs">Til tekniske kontakter<\/h3>\s*<p class="ds-paragraph app-pre">Se skjemaet.<\/p>/,
    );
    // a's technical contact confirmed "ready" by link, the professional one has not read: the organisation still has "read" to give
    expect(portal.text).toContain('Vi har lest varselet');
    expect(portal.text).not.toContain('Vi er klare for endringen');
    const csrf =
      /<form method="post" action="\/portal\/varsler[^"]*" class="app-inline">\s*<input type="hidden" name="_csrf" value="([^"]+)"/.exec(
        portal.text,
      )![1];
    const id = /id="notice-([0-9a-f-]{36})"/.exec(portal.text)![1];
    await t.http
      .post(`/portal/varsler/${id}/acknowledge`)
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf, action: 'read' })
      .expect(303)
      .expect('Location', `/portal/varsler?done=${id}#notice-${id}`);
    const after = await t.http.get(`/portal/varsler?done=${id}`).set('Cookie', cookie).expect(200);
    expectPortalLayout(after.text);
    const settled = await t.http.get('/portal').set('Cookie', cookie).expect(200);
    expect(settled.text).not.toContain('venter på bekreftelse');
    expect(settled.text).toContain('Ingenting venter på dere nå');
    // The thanks stand in the notice confirmed, where the page scrolls to.
    expect(after.text).toMatch(
      new RegExp(
        `id="notice-${id}-title">[^]*?</h2>\\s*<div class="ds-alert" data-color="success" role="status"><p>Takk, bekreftelsen er registrert.`,
      ),
    );
    expect(after.text).not.toContain('Vi har lest varselet');
    // Pressed again from a page shown before: it is confirmed, so that is what the user is shown.
    await t.http
      .post(`/portal/varsler/${id}/acknowledge`)
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf, action: 'read' })
      .expect(303);
  });
});

/** The portal's own layout: its brand, its menu and "Logg ut", never the staff header. */
function expectPortalLayout(html: string) {
  expect(html).toContain('<a class="app-brand" href="/portal">KS konsumentportal</a>');
  expect(html).toContain('aria-label="Portalmeny"');
  expect(html).toContain('action="/portal/logout"');
  expect(html).not.toContain('KS Segmentdesk');
}
