import { publishCatalogue, registerConsumer, type RegisteredConsumer } from '../../support/fixtures';
import { createStaffWithPassword, signIn, type StaffBrowser } from '../../support/staff-session';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';

const unreadIn = (html: string) => /data-unread-count(?: hidden)?>(\d+)</.exec(html)?.[1];

describe('in-app notifications: a new incident reaches the staff who triage, each sees only their own', () => {
  let t: TestApp;
  let oslo: RegisteredConsumer;
  let kari: StaffBrowser;
  let ola: StaffBrowser;
  let viewer: StaffBrowser;
  let incidentId: string;

  const notificationIdsOf = async (email: string): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT n.id FROM notification n JOIN staff_user s ON s.id = n.recipient_id WHERE s.email = $1 ORDER BY n.created_at`,
        [email],
      )
    ).map((r: { id: string }) => r.id);

  beforeAll(async () => {
    t = await createTestApp();
    await publishCatalogue(t, ['inntekt']);
    oslo = await registerConsumer(t, 401, ['inntekt']);
    await createStaffWithPassword(t, 'kari@ks.example.test', 'agent');
    await createStaffWithPassword(t, 'ola@ks.example.test', 'agent');
    await createStaffWithPassword(t, 'leser@ks.example.test', 'viewer');
    [kari, ola, viewer] = [
      await signIn(t, 'kari@ks.example.test'),
      await signIn(t, 'ola@ks.example.test'),
      await signIn(t, 'leser@ks.example.test'),
    ];
  });
  afterAll(() => t?.close());

  it('shows no count before anything happened', async () => {
    const home = await kari.get('/').expect(200);
    expect(home.text).toContain('href="/notifications"');
    expect(home.text).toMatch(/data-unread-count hidden>0</);
  });

  it('notifies every agent of a new incident, in the header count and on their page; a viewer is not notified', async () => {
    const sent = await t.http
      .post('/api/v1/reports')
      .set(bearer(oslo.key))
      .send({
        service: 'inntekt',
        environment: 'production',
        category: 'incident',
        title: 'Inntekt svarer 503',
        description: 'Alle kall feiler.',
      })
      .expect(201);
    incidentId = sent.body.incidentId;
    for (const agent of [kari, ola]) {
      expect(unreadIn((await agent.get('/').expect(200)).text)).toBe('1');
      const page = await agent.get('/notifications').expect(200);
      expect(page.text).toContain('Ny hendelse KS-');
      expect(page.text).toContain('Inntekt svarer 503');
    }
    expect(unreadIn((await viewer.get('/').expect(200)).text)).toBe('0');
    expect((await viewer.get('/notifications').expect(200)).text).toContain('Du har ingen varslinger.');
  });

  it('opening one marks it read and leads to its page; another staff member’s notification cannot be opened or read', async () => {
    const [olas] = await notificationIdsOf('ola@ks.example.test');
    const foreign = await kari.post(`/notifications/${olas}/open`).expect(303);
    expect(foreign.headers.location).toBe('/notifications');
    expect(unreadIn((await ola.get('/').expect(200)).text)).toBe('1');
    expect((await kari.get('/notifications').expect(200)).text).not.toContain(olas);

    const [karis] = await notificationIdsOf('kari@ks.example.test');
    const own = await kari.post(`/notifications/${karis}/open`).expect(303);
    expect(own.headers.location).toBe(`/incidents/${incidentId}`);
    expect(unreadIn((await kari.get('/').expect(200)).text)).toBe('0');
    expect(unreadIn((await ola.get('/').expect(200)).text)).toBe('1');
  });

  it('marks all of one’s own read, and nobody else’s', async () => {
    await ola.post('/notifications/read').expect(303);
    expect(unreadIn((await ola.get('/notifications').expect(200)).text)).toBe('0');
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE read_at IS NULL`);
    // The bootstrap admin's is still unread.
    expect(row.n).toBe(1);
  });

  it('refuses a bad id by naming it, and is not for signed-out browsers', async () => {
    const bad = await kari.post('/notifications/nope/open');
    expect(bad.status).toBe(400);
    expect((await t.http.get('/notifications').set('Accept', 'text/html').expect(303)).headers.location).toMatch(/^\/login/);
  });

  it('tells the staff member a ticket is assigned to, not the one who assigned it to themselves', async () => {
    const ticket = await t.http
      .post('/api/v1/tickets')
      .set(bearer(oslo.key))
      .send({ subject: 'Tilgang i testmiljøet', body: 'Vi får 403 fra tjenesten i test.' })
      .expect(201);
    const [olaId] = (await t.dataSource.query(`SELECT id FROM staff_user WHERE email = 'ola@ks.example.test'`)).map(
      (r: { id: string }) => r.id,
    );
    await t.http.patch(`/api/v1/tickets/${ticket.body.id}`).set(bearer(t.adminToken)).send({ assigneeId: olaId }).expect(200);
    expect(unreadIn((await ola.get('/').expect(200)).text)).toBe('1');
    const page = await ola.get('/notifications').expect(200);
    expect(page.text).toContain('Henvendelse tildelt deg HV-');
    const [own] = await notificationIdsOf('ola@ks.example.test').then((ids) => ids.slice(-1));
    expect((await ola.post(`/notifications/${own}/open`).expect(303)).headers.location).toBe(`/tickets/${ticket.body.id}`);
    expect(unreadIn((await kari.get('/').expect(200)).text)).toBe('0');
  });
});
