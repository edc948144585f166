import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { ExpireOperationalMessages, PollNoticeFeeds } from '@domain/notices';

import { publishCatalogue, registerConsumer, type RegisteredConsumer } from '../../support/fixtures';
import { reportBody } from '../../support/incident-fixtures';
import { SmtpCapture } from '../../support/smtp-capture';
import { createStaffWithPassword, createStaffWithToken, signIn, type StaffBrowser } from '../../support/staff-session';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/feeds', name), 'utf8');

/** A feed host in the test: each path answers its current body with an ETag, and 304 to a matching If-None-Match. */
class FeedServer {
  readonly files = new Map<string, { body: string; version: number; status?: number; location?: string }>();
  readonly requests: Array<{ path: string; ifNoneMatch: string | null }> = [];
  private server: Server | null = null;
  base = '';

  set(path: string, body: string, status = 200) {
    const version = (this.files.get(path)?.version ?? 0) + 1;
    this.files.set(path, { body, version, status });
  }

  /** `path` answers 302 to `location`. */
  redirect(path: string, location: string) {
    this.files.set(path, { body: '', version: 1, status: 302, location });
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      const ifNoneMatch = (req.headers['if-none-match'] as string | undefined) ?? null;
      this.requests.push({ path, ifNoneMatch });
      const file = this.files.get(path);
      if (!file) return void res.writeHead(404).end('not here');
      if (file.location) return void res.writeHead(file.status ?? 302, { location: file.location }).end();
      const etag = `"v${file.version}"`;
      if (ifNoneMatch === etag) return void res.writeHead(304).end();
      res.writeHead(file.status ?? 200, { 'content-type': 'application/xml; charset=utf-8', etag }).end(file.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('feeds: announcements become draft notices, operational messages make reports a known issue', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let feeds: FeedServer;
  let a: RegisteredConsumer;
  let admin: StaffBrowser;
  let agent: StaffBrowser;
  let agentToken = '';
  let viewer: StaffBrowser;
  let knownIncidentId = '';
  const staff = () => bearer(t.adminToken);
  const count = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].n);
  const register = (url: string, kind: string) => t.http.post('/api/v1/notice-feeds').set(staff()).send({ url, kind });
  const poll = async (id: string) => (await t.http.post(`/api/v1/notice-feeds/${id}/poll`).set(staff()).expect(200)).body;
  const feedDrafts = (): Promise<Array<{ id: string; title: string; kind: string; services: string[]; source: string; body: string }>> =>
    t.dataSource.query(`SELECT id, title, kind, services, source, body FROM notice WHERE source LIKE 'feed-entry:%' ORDER BY title`);

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    feeds = await new FeedServer().start();
    // The feed host in this test is on the loopback interface, which only the allow-list opens.
    t = await createTestApp({ SMTP_URL: smtp.url, NOTICE_FEED_ALLOWED_HOSTS: '127.0.0.1' });
    await publishCatalogue(t, ['alpha', 'beta-v2', 'gamma'], {
      alpha: { documentationUrl: 'https://docs.example.test/api/alpha/' },
      'beta-v2': { name: 'Betaregister' },
    });
    a = await registerConsumer(t, 101, ['alpha', 'beta-v2', 'gamma']);
    agentToken = (await createStaffWithToken(t, 'agent', { email: 'agent@ks.example.test', password: true })).token;
    await createStaffWithPassword(t, 'viewer@ks.example.test', 'viewer');
    await createStaffWithPassword(t, 'chief@ks.example.test', 'admin');
    admin = await signIn(t, 'chief@ks.example.test');
    agent = await signIn(t, 'agent@ks.example.test');
    viewer = await signIn(t, 'viewer@ks.example.test');
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    await feeds?.stop();
  });

  it.each([
    ['a file address', { url: 'file:///etc/passwd', kind: 'announcements' }, 'url'],
    ['an address with a password', { url: 'https://u:p@example.test/feed', kind: 'announcements' }, 'url'],
    ['no address', { kind: 'announcements' }, 'url'],
    ['an unknown kind', { url: 'https://example.test/feed', kind: 'news' }, 'kind'],
  ])('refuses a feed with %s, with 400 naming the field and nothing stored', async (_, body, field) => {
    const res = await t.http.post('/api/v1/notice-feeds').set(staff()).send(body).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await count('SELECT count(*)::int AS n FROM notice_feed')).toBe(0);
  });

  it('is for staff only', async () => {
    await register('https://example.test/feed', 'announcements').set(bearer(a.key)).expect(403);
  });

  describe('addresses the server must not read', () => {
    it('lets only an admin subscribe to a feed or stop one', async () => {
      await register(`${feeds.base}/agent.atom`, 'announcements').set(bearer(agentToken)).expect(403);
      expect(await count('SELECT count(*)::int AS n FROM notice_feed')).toBe(0);
      const id = (await register(`${feeds.base}/admin.atom`, 'announcements').expect(201)).body.id;
      await t.http.put(`/api/v1/notice-feeds/${id}/state`).set(bearer(agentToken)).send({ enabled: false }).expect(403);
      expect((await t.dataSource.query('SELECT enabled FROM notice_feed WHERE id = $1', [id]))[0].enabled).toBe(true);
      await t.dataSource.query('DELETE FROM notice_feed WHERE id = $1', [id]);
    });

    it.each([
      ['a name resolving to loopback', () => `http://localhost:${new URL(feeds.base).port}/releases.atom`],
      ['loopback not on the allow-list', () => `http://127.0.0.2:${new URL(feeds.base).port}/releases.atom`],
      ['IPv6 loopback', () => `http://[::1]:${new URL(feeds.base).port}/releases.atom`],
      ['a private address', () => 'http://10.1.2.3/feed.atom'],
      ['the metadata service', () => 'http://169.254.169.254/latest/meta-data/'],
      ['a unique-local IPv6 address', () => 'http://[fd00:ec2::254]/feed.atom'],
      ['an IPv4-mapped loopback', () => 'http://[::ffff:127.0.0.1]/feed.atom'],
    ])('refuses %s with 400 naming url, and stores nothing', async (_, url) => {
      const res = await register(url(), 'announcements').expect(400);
      expect(res.body.fields).toEqual([expect.objectContaining({ field: 'url', message: expect.stringContaining('private') })]);
      expect(await count('SELECT count(*)::int AS n FROM notice_feed')).toBe(0);
    });

    it('refuses at read time a stored address that now reaches loopback, recording why on the feed, and never connects', async () => {
      feeds.set('/rebound.atom', fixture('releases.atom.xml'));
      // As if the name had resolved to a public address when the feed was registered.
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO notice_feed (url, kind, enabled, created_by) VALUES ($1, 'announcements', true, 'test') RETURNING id`,
        [`http://localhost:${new URL(feeds.base).port}/rebound.atom`],
      );
      const seen = feeds.requests.length;
      const result = await poll(id);
      expect(result).toMatchObject({ added: 0, error: expect.stringMatching(/^refused: localhost /) });
      expect(feeds.requests.length).toBe(seen);
      const listed = (await t.http.get('/api/v1/notice-feeds').set(staff()).expect(200)).body;
      expect(listed.find((f: { id: string }) => f.id === id)).toMatchObject({ lastError: result.error });
      await t.dataSource.query('DELETE FROM notice_feed WHERE id = $1', [id]);
    });

    it('refuses a redirect from an allowed host to one that is not, recording it on the feed', async () => {
      feeds.redirect('/hop.atom', `http://localhost:${new URL(feeds.base).port}/releases.atom`);
      const id = (await register(`${feeds.base}/hop.atom`, 'announcements').expect(201)).body.id;
      const seen = feeds.requests.length;
      expect(await poll(id)).toMatchObject({ added: 0, error: expect.stringMatching(/^refused: localhost /) });
      expect(feeds.requests.slice(seen).map((r) => r.path)).toEqual(['/hop.atom']);
      const [{ last_error }] = await t.dataSource.query('SELECT last_error FROM notice_feed WHERE id = $1', [id]);
      expect(last_error).toMatch(/^refused: localhost /);
      await t.dataSource.query('DELETE FROM notice_feed WHERE id = $1', [id]);
    });

    it('follows a redirect within the allow-list', async () => {
      feeds.set('/target.atom', '<feed xmlns="http://www.w3.org/2005/Atom"><title>Tom</title></feed>');
      feeds.redirect('/moved.atom', `${feeds.base}/target.atom`);
      const id = (await register(`${feeds.base}/moved.atom`, 'announcements').expect(201)).body.id;
      const seen = feeds.requests.length;
      expect(await poll(id)).toMatchObject({ added: 0, error: null });
      expect(feeds.requests.slice(seen).map((r) => r.path)).toEqual(['/moved.atom', '/target.atom']);
      await t.dataSource.query('DELETE FROM notice_feed WHERE id = $1', [id]);
    });
  });

  describe('announcements', () => {
    let feedId: string;

    it('reads new entries into draft notices mapped to the services they name; unmapped entries become drafts without services', async () => {
      feeds.set('/releases.atom', fixture('releases.atom.xml'));
      feedId = (await register(`${feeds.base}/releases.atom`, 'announcements').expect(201)).body.id;
      expect(await poll(feedId)).toMatchObject({ added: 2, notices: 2, error: null });
      const drafts = await feedDrafts();
      expect(drafts).toEqual([
        expect.objectContaining({ title: 'Alpha v3: nytt felt & ny versjon', kind: 'interface-change', services: ['alpha'] }),
        expect.objectContaining({ title: 'Generell informasjon', services: [] }),
      ]);
      expect(drafts[0].body).toBe('Versjon 3 legger til feltet kilde & mer.\n\n- Ett\n\n- To');
      expect(drafts.every((d) => d.source.startsWith('feed-entry:'))).toBe(true);
      const detail = (await t.http.get(`/api/v1/notices/${drafts[0].id}`).set(staff()).expect(200)).body;
      expect(detail).toMatchObject({
        status: 'draft',
        createdBy: 'system',
        links: [{ url: `${feeds.base}/example/api-docs/releases/tag/alpha-v3` }],
        origin: {
          feedUrl: `${feeds.base}/releases.atom`,
          feedTitle: 'Release notes from api-docs',
          entryLink: `${feeds.base}/example/api-docs/releases/tag/alpha-v3`,
          services: [{ code: 'alpha', reason: 'category alpha' }],
        },
      });
      const [audit] = await t.dataSource.query(`SELECT actor_kind, action FROM audit_entry WHERE object_id = $1`, [drafts[0].id]);
      expect(audit).toEqual({ actor_kind: 'system', action: 'notice.created' });
    });

    it('adds nothing on a second read (the feed answers 304 to its ETag), nor when read by two at once', async () => {
      expect(await poll(feedId)).toMatchObject({ added: 0, notModified: true });
      expect(feeds.requests.at(-1)).toEqual({ path: '/releases.atom', ifNoneMatch: '"v1"' });
      // Changed only in its validators: both reads parse the same entries at once.
      feeds.set('/releases.atom', fixture('releases.atom.xml'));
      const both = await Promise.all([poll(feedId), poll(feedId)]);
      expect(both.map((r) => r.added)).toEqual([0, 0]);
      expect(await feedDrafts()).toHaveLength(2);
    });

    it('takes only the new entry when the feed changes, guessing a deprecation from its words', async () => {
      const entry = `<entry><id>tag:new</id><title>beta-v2 versjon 1 fases ut</title><link href="https://example.test/x"/><updated>2026-11-25T08:00:00Z</updated></entry>`;
      feeds.set('/releases.atom', fixture('releases.atom.xml').replace('<entry>', `${entry}<entry>`));
      expect(await poll(feedId)).toMatchObject({ added: 1, notices: 1 });
      const drafts = await feedDrafts();
      expect(drafts).toHaveLength(3);
      expect(drafts.find((d) => d.title.startsWith('beta-v2'))).toMatchObject({ kind: 'deprecation', services: ['beta-v2'] });
    });

    it('records why a feed failed, and the other feeds are read all the same', async () => {
      const missing = (await register(`${feeds.base}/missing.atom`, 'announcements').expect(201)).body.id;
      feeds.set('/page.html', '<!doctype html><html><body>Ikke en feed</body></html>');
      const html = (await register(`${feeds.base}/page.html`, 'announcements').expect(201)).body.id;
      feeds.set(
        '/releases.atom',
        fixture('releases.atom.xml').replace('<entry>', `<entry><id>tag:third</id><title>Tredje</title></entry><entry>`),
      );
      // All three are due an hour from now; the failures do not stop the good one.
      const results = await t.get(PollNoticeFeeds).execute(new Date(Date.now() + 3_600_000));
      expect(Object.fromEntries(results.map((r) => [r.feedId, { added: r.added, error: r.error }]))).toEqual({
        [feedId]: { added: 1, error: null },
        [missing]: { added: 0, error: 'answered HTTP 404' },
        [html]: { added: 0, error: 'not an Atom or RSS feed (root element <html>)' },
      });
      const listed = (await t.http.get('/api/v1/notice-feeds').set(staff()).expect(200)).body;
      expect(listed.find((f: { id: string }) => f.id === missing)).toMatchObject({ lastError: 'answered HTTP 404', enabled: true });
      // Nothing is due again right after.
      expect(await t.get(PollNoticeFeeds).execute(new Date(Date.now() + 3_600_000))).toEqual([]);
    });

    it('refuses a feed larger than the limit without reading all of it', async () => {
      feeds.set('/huge.atom', `<feed xmlns="http://www.w3.org/2005/Atom">${'<entry><id>x</id></entry>'.repeat(100_000)}</feed>`);
      const huge = (await register(`${feeds.base}/huge.atom`, 'announcements').expect(201)).body.id;
      expect(await poll(huge)).toMatchObject({ added: 0, error: `is larger than ${t.config.notices.feedMaxBytes} bytes` });
    });

    it('stops reading a disabled feed', async () => {
      await t.http.put(`/api/v1/notice-feeds/${feedId}/state`).set(staff()).send({ enabled: false }).expect(200);
      const results = await t.get(PollNoticeFeeds).execute(new Date(Date.now() + 7_200_000));
      expect(results.map((r) => r.feedId)).not.toContain(feedId);
    });
  });

  describe('operational messages and known issues', () => {
    let feedId: string;
    const report = (over: Record<string, unknown>) => t.http.post('/api/v1/reports').set(bearer(a.key)).send(reportBody(over)).expect(201);
    const fresh = (published: Date) =>
      fixture('status.rss.xml')
        .replace('Fri, 20 Nov 2026 09:15:00 +0100', published.toUTCString())
        .replace('Thu, 19 Nov 2026 12:00:00 GMT', published.toUTCString());

    it('starts an operational message for the services an entry names, with a draft operational notice to forward', async () => {
      feeds.set('/status.rss', fresh(new Date(Date.now() - 3_600_000)));
      feedId = (await register(`${feeds.base}/status.rss`, 'operational').expect(201)).body.id;
      expect(await poll(feedId)).toMatchObject({ added: 2, messagesStarted: 1, notices: 2 });
      const messages = (await t.http.get('/api/v1/operational-messages').set(staff()).expect(200)).body;
      expect(messages).toEqual([
        expect.objectContaining({
          title: 'Redusert tilgjengelighet på Betaregister i produksjon',
          services: ['beta-v2'],
          environments: ['production'],
          active: true,
          fromFeed: true,
        }),
      ]);
      expect((await feedDrafts()).filter((d) => d.kind === 'operational-notice').map((d) => d.services)).toEqual([[], ['beta-v2']]);
    });

    it('marks a report on that service and environment a known issue: in the answer, on the incident, in the confirmation, and nothing is escalated', async () => {
      smtp.messages.length = 0;
      const res = await report({ service: 'beta-v2', reporterEmail: a.emails[0] });
      expect(res.body.knownIssue).toEqual({
        messageId: expect.any(String),
        title: 'Redusert tilgjengelighet på Betaregister i produksjon',
        link: 'https://status.example.test/meldinger/17',
        startedAt: expect.any(String),
        notice: expect.stringContaining('Skatteetaten har allerede meldt om denne feilen'),
      });
      const [incident] = await t.dataSource.query(`SELECT status, known_issue FROM incident WHERE id = $1`, [res.body.incidentId]);
      expect(incident.status).not.toBe('escalated');
      expect(incident.known_issue).toMatchObject({ title: 'Redusert tilgjengelighet på Betaregister i produksjon' });
      await t.deliverMail();
      const confirmation = smtp.messages.find((m) => m.parsed.subject?.includes(res.body.reference));
      expect(confirmation?.parsed.subject).toContain('(kjent feil)');
      expect(confirmation?.parsed.text).toContain('Kjent feil: Skatteetaten har allerede meldt om denne feilen');
      expect(confirmation?.parsed.text).toContain('https://status.example.test/meldinger/17');
      expect(await count(`SELECT count(*)::int AS n FROM escalation`)).toBe(0);
      expect(smtp.messages.some((m) => m.envelopeTo.some((to) => to.endsWith('@ske.example.test')))).toBe(false);
      knownIncidentId = res.body.incidentId;
      const own = await t.http.get(`/api/v1/reports/${res.body.id}`).set(bearer(a.key)).expect(200);
      expect(own.body.knownIssue).toMatchObject({ link: 'https://status.example.test/meldinger/17' });
      const shown = await t.http.get(`/api/v1/incidents/${knownIncidentId}`).set(staff()).expect(200);
      expect(shown.body.knownIssue).toMatchObject({ messageId: res.body.knownIssue.messageId });
    });

    it('treats a report on another service, or in another environment, normally', async () => {
      expect((await report({ service: 'gamma', title: 'Gamma svarer 500', errorCode: 'G-500' })).body.knownIssue).toBeNull();
      expect((await report({ service: 'beta-v2', environment: 'test' })).body.knownIssue).toBeNull();
    });

    it('ends the message when its entry says it is resolved, and later reports are ordinary again', async () => {
      feeds.set('/status.rss', fresh(new Date(Date.now() - 3_600_000)).replace('<title>Redusert', '<title>Løst: Redusert'));
      expect(await poll(feedId)).toMatchObject({ added: 0, messagesEnded: 1 });
      const [message] = (await t.http.get('/api/v1/operational-messages').set(staff()).expect(200)).body;
      expect(message).toMatchObject({ active: false, endReason: 'resolved' });
      expect((await report({ service: 'beta-v2', title: 'Fortsatt feil' })).body.knownIssue).toBeNull();
    });

    it('ends a message whose entry leaves the feed', async () => {
      feeds.set('/status.rss', fresh(new Date()).replace('melding-17', 'melding-18'));
      expect(await poll(feedId)).toMatchObject({ added: 1, messagesStarted: 1 });
      feeds.set('/status.rss', '<rss version="2.0"><channel><title>Driftsmeldinger</title></channel></rss>');
      expect(await poll(feedId)).toMatchObject({ added: 0, messagesEnded: 1 });
      const [latest] = (await t.http.get('/api/v1/operational-messages').set(staff()).expect(200)).body;
      expect(latest).toMatchObject({ active: false, endReason: 'removed' });
    });

    it('treats a message nobody ended as over after the maximum age', async () => {
      const old = new Date(Date.now() - (t.config.notices.operationalMessageMaxHours + 1) * 3_600_000).toISOString();
      const created = await t.http
        .post('/api/v1/operational-messages')
        .set(staff())
        .send({ title: 'Gammel melding', services: ['gamma'], startedAt: old })
        .expect(201);
      expect((await report({ service: 'gamma', title: 'Gamma feiler igjen' })).body.knownIssue).toBeNull();
      expect(await t.get(ExpireOperationalMessages).execute()).toBe(1);
      const [row] = await t.dataSource.query(`SELECT end_reason FROM operational_message WHERE id = $1`, [created.body.id]);
      expect(row.end_reason).toBe('expired');
    });

    it('takes a message staff register by hand, until they end it', async () => {
      const bad = await t.http
        .post('/api/v1/operational-messages')
        .set(staff())
        .send({ title: 'X', services: ['finnes-ikke'] })
        .expect(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['services']);
      const created = await t.http
        .post('/api/v1/operational-messages')
        .set(staff())
        .send({ title: 'Treghet på Alfa', services: ['alpha'], link: 'https://status.example.test/20' })
        .expect(201);
      expect(created.body).toMatchObject({ active: true, fromFeed: false, environments: [] });
      expect((await report({ service: 'alpha', environment: 'test', title: 'Alfa er treg' })).body.knownIssue).toMatchObject({
        messageId: created.body.id,
      });
      await t.http.post(`/api/v1/operational-messages/${created.body.id}/end`).set(staff()).expect(200);
      expect((await report({ service: 'alpha', title: 'Alfa er fortsatt treg' })).body.knownIssue).toBeNull();
    });
  });
  describe('the page', () => {
    it('shows a failed form again in Norwegian naming the field, and stores nothing', async () => {
      const before = await count('SELECT count(*)::int AS n FROM notice_feed');
      const res = await admin.post('/notice-feeds', { url: 'ftp://example.test/feed', kind: 'operational' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Skriv en offentlig adresse som begynner med https://');
      expect(await count('SELECT count(*)::int AS n FROM notice_feed')).toBe(before);
      const msg = await agent.post('/notice-feeds/messages', { title: '', services: 'alpha' });
      expect(msg.status).toBe(400);
      expect(msg.text).toContain('Skriv en tittel');
    });

    it('refuses a local address in Norwegian naming the field', async () => {
      const res = await admin.post('/notice-feeds', { url: 'http://169.254.169.254/latest/meta-data/', kind: 'operational' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Adresser i interne nett, på denne maskinen eller til skyens metadatatjeneste godtas ikke.');
    });

    it('lets an admin add a feed, and an agent see why it fails, register an operational message and end it', async () => {
      expect((await agent.post('/notice-feeds', { url: `${feeds.base}/gone.rss`, kind: 'operational' })).status).toBe(403);
      expect((await agent.get('/notice-feeds').expect(200)).text).not.toContain('Legg til kilden');
      expect((await admin.post('/notice-feeds', { url: `${feeds.base}/gone.rss`, kind: 'operational' })).status).toBe(303);
      const [{ id }] = await t.dataSource.query(`SELECT id FROM notice_feed WHERE url = $1`, [`${feeds.base}/gone.rss`]);
      const read = await agent.post(`/notice-feeds/${id}/poll`, {});
      expect(read.headers.location).toBe('/notice-feeds?done=feed-failed');
      const page = await agent.get('/notice-feeds').expect(200);
      expect(page.text).toContain('Kilden svarte med en feilstatus.');
      // Every form, also those in the tables' rows, carries the session's CSRF token.
      expect(page.text).not.toContain('name="_csrf" value=""');
      expect((await agent.post('/notice-feeds/messages', { title: 'Treghet på Gamma', services: 'gamma' })).status).toBe(303);
      const [message] = await t.dataSource.query(`SELECT id FROM operational_message WHERE title = 'Treghet på Gamma'`);
      expect((await agent.get('/notice-feeds').expect(200)).text).toContain('Treghet på Gamma');
      expect((await agent.post(`/notice-feeds/messages/${message.id}/end`, {})).headers.location).toBe('/notice-feeds?done=message-ended');
      const [ended] = await t.dataSource.query(`SELECT end_reason FROM operational_message WHERE id = $1`, [message.id]);
      expect(ended.end_reason).toBe('staff');
    });

    it('lets a viewer look but not change', async () => {
      const page = await viewer.get('/notice-feeds').expect(200);
      expect(page.text).not.toContain('Legg til kilden');
      expect((await viewer.post('/notice-feeds', { url: 'https://example.test/x', kind: 'operational' })).status).toBe(403);
    });

    it('shows staff the known issue on the incident, in the queue and before they escalate it', async () => {
      const page = await agent.get(`/incidents/${knownIncidentId}`).expect(200);
      expect(page.text).toContain('Kjent feil:');
      expect(page.text).toContain('Redusert tilgjengelighet på Betaregister i produksjon');
      expect((await agent.get('/incidents').expect(200)).text).toContain('Kjent feil');
      expect((await agent.get(`/incidents/${knownIncidentId}/escalate`).expect(200)).text).toContain('Du kan likevel eskalere');
    });

    it('names the feed entry a proposed draft came from on the notice page', async () => {
      const [draft] = await t.dataSource.query(`SELECT id FROM notice WHERE title = 'Alpha v3: nytt felt & ny versjon'`);
      const page = await agent.get(`/notices/${draft.id}`).expect(200);
      expect(page.text).toContain('Foreslått fra');
      expect(page.text).toContain('alpha (kategori alpha)');
    });
  });
});
