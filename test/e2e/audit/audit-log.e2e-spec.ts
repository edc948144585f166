import { ListAuditEntries } from '@domain/audit';

import { osloDay } from '../../../apps/api/src/ui/shared/oslo-time';
import { createStaffWithPassword, signIn, StaffBrowser } from '../../support/staff-session';
import { bearer, createTestApp, TestApp } from '../../support/test-app';
import { ADMIN_EMAIL } from '../../support/test-config';

/** The actions listed in the audit page's table, top to bottom. */
function listedActions(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)![1];
  return [...body.matchAll(/<td data-action="([^"]+)">/g)].map((m) => m[1]);
}

/** A day counted from today in Norway, as the filter counts days (near midnight UTC's date is another). */
function day(offset: number): string {
  const [y, m, d] = osloDay(new Date()).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + offset)).toISOString().slice(0, 10);
}

describe('audit log', () => {
  let t: TestApp;
  let admin: StaffBrowser;
  let agentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await createStaffWithPassword(t, 'revisor@ks.example.test', 'admin');
    admin = await signIn(t, 'revisor@ks.example.test');
    const res = await t.http
      .post('/api/v1/staff')
      .set(bearer(t.adminToken))
      .send({ email: 'ola@ks.example.test', name: 'Ola', role: 'agent' })
      .expect(201);
    agentId = res.body.id;
  }, 180_000);
  afterAll(() => t?.close());

  describe('is append-only in the database', () => {
    let before: unknown[];
    beforeAll(async () => {
      before = await t.dataSource.query(`SELECT * FROM audit_entry ORDER BY id`);
      expect(before.length).toBeGreaterThan(0);
    });

    it.each([
      ['UPDATE', `UPDATE audit_entry SET action = 'tampered'`],
      ['DELETE', `DELETE FROM audit_entry`],
      ['TRUNCATE', `TRUNCATE audit_entry`],
    ])('rejects %s', async (op, sql) => {
      await expect(t.dataSource.query(sql)).rejects.toThrow(new RegExp(`audit_entry is append-only: ${op} is not allowed`));
      expect(
        await t.dataSource.query(`SELECT * FROM audit_entry WHERE id <= $1 ORDER BY id`, [
          (before[before.length - 1] as { id: string }).id,
        ]),
      ).toEqual(before);
    });

    it('rejects changes inside a transaction too, rolling it back', async () => {
      await expect(
        t.dataSource.transaction(async (m) => {
          await m.query(
            `INSERT INTO audit_entry (actor_kind, actor_label, action, object_type) VALUES ('system', 'test', 'x.inserted', 'x')`,
          );
          await m.query(`DELETE FROM audit_entry WHERE action = 'x.inserted'`);
        }),
      ).rejects.toThrow(/append-only/);
      expect(await t.dataSource.query(`SELECT id FROM audit_entry WHERE action = 'x.inserted'`)).toEqual([]);
    });
  });

  describe('records staff mutations', () => {
    it('with the new state on creation', async () => {
      const [entry] = await t.get(ListAuditEntries).execute({ action: 'staff.created', objectId: agentId });
      expect(entry).toMatchObject({ actorKind: 'staff', actorLabel: ADMIN_EMAIL, objectType: 'staff_user', objectId: agentId });
      expect(entry.details).toEqual({ after: { email: 'ola@ks.example.test', name: 'Ola', role: 'agent' } });
    });

    it('with before and after on a change, and who did it from where', async () => {
      await t.http
        .patch(`/api/v1/staff/${agentId}`)
        .set(bearer(t.adminToken))
        .set('X-Forwarded-For', '10.9.8.7')
        .send({ name: 'Ola Nordmann', role: 'security' })
        .expect(200);
      const [entry] = await t.get(ListAuditEntries).execute({ action: 'staff.updated', objectId: agentId });
      expect(entry).toMatchObject({ actorKind: 'staff', actorLabel: ADMIN_EMAIL, ip: '10.9.8.7' });
      expect(entry.details).toEqual({
        before: { name: 'Ola', role: 'agent', active: true },
        after: { name: 'Ola Nordmann', role: 'security', active: true },
      });
    });

    it('also when the change is made through an admin page form', async () => {
      await admin.post(`/staff/${agentId}`, { active: 'false' }).expect(303);
      const [entry] = await t.get(ListAuditEntries).execute({ action: 'staff.updated', objectId: agentId });
      expect(entry.actorLabel).toBe('revisor@ks.example.test');
      expect(entry.details).toEqual({
        before: { name: 'Ola Nordmann', role: 'security', active: true },
        after: { name: 'Ola Nordmann', role: 'security', active: false },
      });
    });

    it('not at all when the change is refused', async () => {
      const count = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry`))[0].n;
      const n = await count();
      const me = await t.http.get('/api/v1/me').set(bearer(t.adminToken)).expect(200);
      await t.http.patch(`/api/v1/staff/${me.body.id}`).set(bearer(t.adminToken)).send({ role: 'viewer' }).expect(409);
      expect(await count()).toBe(n);
    });
  });

  describe('the /audit page', () => {
    it('lists the newest entries first', async () => {
      const page = await admin.get('/audit').expect(200);
      const actions = listedActions(page.text);
      expect(actions[0]).toBe('staff.updated');
      // Named in bokmål; the code is no part of the text.
      expect(page.text).toContain('<td data-action="staff.updated">Bruker endret</td>');
      expect(actions).toEqual(expect.arrayContaining(['staff.created', 'staff.bootstrapped', 'login.succeeded']));
      expect(page.text).toContain('<caption');
    });

    it.each([
      ['action (prefix)', { action: 'staff.' }, (a: string[]) => a.length > 0 && a.every((x) => x.startsWith('staff.'))],
      ['action (exact)', { action: 'login.succeeded' }, (a: string[]) => a.length > 0 && a.every((x) => x === 'login.succeeded')],
      [
        'action (group)',
        { action: 'sign-in' },
        (a: string[]) => a.includes('login.succeeded') && a.every((x) => /^log(in\.|out$)/.test(x)),
      ],
      [
        'actor',
        { actor: 'revisor' },
        (a: string[]) => a.includes('staff.updated') && a.includes('login.succeeded') && !a.includes('staff.bootstrapped'),
      ],
      ['object type', { objectType: 'api_token' }, (a: string[]) => a.length === 0],
      ['date range around today', { from: day(-1), to: day(1) }, (a: string[]) => a.includes('staff.bootstrapped')],
      ['a range without an end', { from: day(-1), to: '9999-12-31' }, (a: string[]) => a.includes('staff.bootstrapped')],
      ['a range that has ended', { to: day(-1) }, (a: string[]) => a.length === 0],
      ['a range not yet begun', { from: day(1) }, (a: string[]) => a.length === 0],
    ])('filters by %s', async (_, query, holds) => {
      const page = await admin.get(`/audit?${new URLSearchParams(query as Record<string, string>)}`).expect(200);
      const actions = listedActions(page.text);
      expect({ query, actions, holds: holds(actions) }).toMatchObject({ holds: true });
      // The filter form keeps what was asked: its menus have the option chosen, its fields the value.
      for (const [name, value] of Object.entries(query))
        expect(page.text).toContain(['action', 'objectType'].includes(name) ? `value="${value}" selected` : `value="${value}"`);
    });

    it('filters by object id', async () => {
      const page = await admin.get(`/audit?objectId=${agentId}`).expect(200);
      expect(listedActions(page.text).sort()).toEqual(['staff.created', 'staff.updated', 'staff.updated']);
      expect(page.text).toContain('&quot;role&quot;: &quot;security&quot;');
    });

    it('says so when nothing matches', async () => {
      const page = await admin.get('/audit?action=nothing.like.this').expect(200);
      expect(page.text).toContain('Ingen treff.');
    });

    it.each(['from=abc&to=xyz&before=1%3B', 'from=2026-13-01&to=2026-99-99', 'from=2026-02-30'])(
      'ignores dates that are not dates instead of failing: %s',
      async (query) => {
        const page = await admin.get(`/audit?${query}`).expect(200);
        expect(page.text).toContain('Revisjonslogg');
        expect(listedActions(page.text)).toContain('staff.bootstrapped');
      },
    );

    it('is for admins and security officers only', async () => {
      await createStaffWithPassword(t, 'sikkerhet@ks.example.test', 'security');
      await createStaffWithPassword(t, 'agent@ks.example.test', 'agent');
      await (await signIn(t, 'sikkerhet@ks.example.test')).get('/audit').expect(200);
      await (await signIn(t, 'agent@ks.example.test')).get('/audit').expect(403);
      const anonymous = await t.http.get('/audit').expect(303);
      expect(anonymous.headers.location).toBe('/login?next=%2Faudit');
    });
  });
});
