import { type IncomingMessage, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createHttpApp } from '@composition';
import { CasePresenceTracker } from '@domain/notifications';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { API_ROLE } from '../../../apps/api/src/api-role';
import { publishCatalogue, registerConsumer, type RegisteredConsumer } from '../../support/fixtures';
import { cookieHeader, createStaffWithPassword, signIn, type StaffBrowser } from '../../support/staff-session';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';
import { testConnection } from '../../support/test-config';

/** A raw event-stream reader: every `event:`/`data:` pair as it arrives. */
class EventStream {
  readonly events: Array<{ event: string; data: string }> = [];
  private buffer = '';
  private waiters: Array<() => void> = [];
  status = 0;
  contentType = '';
  headers: IncomingMessage['headers'] = {};

  constructor(private readonly res: IncomingMessage) {
    this.status = res.statusCode ?? 0;
    this.contentType = String(res.headers['content-type'] ?? '');
    this.headers = res.headers;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data !== undefined) this.events.push({ event, data });
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static open(base: string, cookie: string, path = '/live'): Promise<EventStream> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${base}${path}`, { headers: { Cookie: cookie, Accept: 'text/event-stream' } }, (res) =>
        resolve(new EventStream(res)),
      );
      req.on('error', reject);
      req.end();
    });
  }

  /** Resolves with the first event that satisfies `test` (already received or still to come). */
  async next(test: (e: { event: string; data: string }) => boolean): Promise<{ event: string; data: string }> {
    for (;;) {
      const found = this.events.find(test);
      if (found) return found;
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  close(): void {
    this.res.destroy();
  }
}

const baseOf = async (app: NestFastifyApplication) => {
  if (!app.getHttpServer().listening) await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
};

describe('live updates: a server-sent event stream for signed-in staff, fed from the database', () => {
  let t: TestApp;
  let replica: NestFastifyApplication;
  let oslo: RegisteredConsumer;
  let kari: StaffBrowser;
  let ola: StaffBrowser;
  const streams: EventStream[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    // A second API process on the same database: a change made through one reaches pages served by the other.
    replica = await createHttpApp(t.config, testConnection(t.db, t.config), [API_ROLE]);
    await publishCatalogue(t, ['inntekt']);
    oslo = await registerConsumer(t, 501, ['inntekt']);
    await createStaffWithPassword(t, 'kari@ks.example.test', 'agent');
    await createStaffWithPassword(t, 'ola@ks.example.test', 'agent');
    kari = await signIn(t, 'kari@ks.example.test');
    ola = await signIn(t, 'ola@ks.example.test');
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await replica?.close();
    await t?.close();
  });

  it('refuses a browser that is not signed in', async () => {
    const res = await t.http.get('/live').set('Accept', 'text/html').expect(303);
    expect(res.headers.location).toMatch(/^\/login/);
  });

  it('tells each open page its own unread count, and a new incident made through the other process arrives without asking', async () => {
    const base = await baseOf(replica);
    const karis = await EventStream.open(base, cookieHeader(kari.cookies));
    const olas = await EventStream.open(base, cookieHeader(ola.cookies));
    streams.push(karis, olas);
    expect(karis.status).toBe(200);
    expect(karis.contentType).toMatch(/^text\/event-stream/);
    // The stream carries the headers of every other answer.
    expect(karis.headers).toMatchObject({ 'x-frame-options': 'SAMEORIGIN', 'cache-control': 'no-store' });
    expect(karis.headers['content-security-policy']).toContain("default-src 'self'");
    expect(karis.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // On connecting: the count as it is.
    await karis.next((e) => e.event === 'notifications' && JSON.parse(e.data).unread === 0);

    await t.http
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

    await karis.next((e) => e.event === 'incidents');
    await karis.next((e) => e.event === 'notifications' && JSON.parse(e.data).unread === 1);
    await olas.next((e) => e.event === 'notifications' && JSON.parse(e.data).unread === 1);

    // Ola reads his: only his own stream hears of it.
    await ola.post('/notifications/read').expect(303);
    await olas.next((e) => e.event === 'notifications' && JSON.parse(e.data).unread === 0);
    expect(karis.events.filter((e) => e.event === 'notifications').map((e) => JSON.parse(e.data).unread)).toEqual([0, 1]);
  });

  it('names the others who have the same incident open, across processes, and forgets one who closed it', async () => {
    const [incident] = await t.dataSource.query(`SELECT id FROM incident LIMIT 1`);
    const watch = `/live?watch=incident:${incident.id}`;
    const karis = await EventStream.open(await baseOf(t.app), cookieHeader(kari.cookies), watch);
    streams.push(karis);
    await karis.next((e) => e.event === 'presence' && JSON.parse(e.data).names.length === 0);

    const olas = await EventStream.open(await baseOf(replica), cookieHeader(ola.cookies), watch);
    streams.push(olas);
    // Both names are the part of the e-mail before @ (createStaffWithPassword).
    await olas.next((e) => e.event === 'presence' && JSON.parse(e.data).names.join() === 'kari');
    await karis.next((e) => e.event === 'presence' && JSON.parse(e.data).names.join() === 'ola');

    const seen = karis.events.length;
    olas.close();
    await karis.next((e) => karis.events.indexOf(e) >= seen && e.event === 'presence' && JSON.parse(e.data).names.length === 0);
  });

  it('counts one person with the same incident open in two tabs once, in one beat', async () => {
    const [incident] = await t.dataSource.query(`SELECT id FROM incident LIMIT 1`);
    const [{ id: kariId }] = await t.dataSource.query(`SELECT id FROM staff_user WHERE email = 'kari@ks.example.test'`);
    const subject = `incident:${incident.id}`;
    const tab = { staffId: kariId as string, subject };
    const present = await t.get(CasePresenceTracker).beat([tab, tab], 10);
    expect(present.get(subject)?.filter((p) => p.id === kariId)).toEqual([{ id: kariId, name: 'kari' }]);
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM case_presence WHERE staff_id = $1 AND subject = $2`, [
      kariId,
      subject,
    ]);
    expect(row.n).toBe(1);
  });

  it('ignores a watch that is no case', async () => {
    const other = await EventStream.open(await baseOf(t.app), cookieHeader(kari.cookies), '/live?watch=../../etc');
    streams.push(other);
    await other.next((e) => e.event === 'notifications');
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM case_presence WHERE subject NOT LIKE 'incident:%'`);
    expect(row.n).toBe(0);
  });
});
