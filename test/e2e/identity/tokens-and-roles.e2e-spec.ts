import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createHttpApp } from '@composition';
import { BootstrapAdmin, CreateApiToken } from '@domain/identity';
import { type StaffRole, SYSTEM_ACTOR } from '@domain/shared';
import { loadConfig } from '@platform/config';
import { hashToken } from '@platform/security';

import { API_ROLE } from '../../../apps/api/src/api-role';
import { createStaffWithToken } from '../../support/staff-session';
import { auditActions, tablesContaining } from '../../support/stored-data';
import { bearer, createTestApp, TestApp } from '../../support/test-app';
import { ADMIN_EMAIL } from '../../support/test-config';

describe('identity: the bootstrap admin, the guard and roles, personal API tokens', () => {
  let t: TestApp;
  const tokens: Partial<Record<StaffRole, string>> = {};
  const ids: Partial<Record<StaffRole, string>> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['agent', 'viewer'] as const) {
      const staff = await createStaffWithToken(t, role);
      ids[role] = staff.id;
      tokens[role] = staff.token;
    }
  });
  afterAll(() => t?.close());

  describe('bootstrap admin', () => {
    it('is created on the empty database with exactly the configured token', async () => {
      const me = await t.http.get('/api/v1/me').set(bearer(t.adminToken)).expect(200);
      expect(me.body).toMatchObject({ kind: 'staff', email: ADMIN_EMAIL, role: 'admin' });
      const [row] = await t.dataSource.query(`SELECT token_hash, name FROM api_token WHERE staff_id = $1`, [me.body.id]);
      expect(row).toEqual({ token_hash: hashToken(t.adminToken), name: 'bootstrap' });
      expect(await auditActions(t, me.body.id)).toContain('staff.bootstrapped');
    });

    it('is not created again when the app starts against a database that has staff', async () => {
      const [{ n: before }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM staff_user`);
      const otherToken = 'another-bootstrap-token-0123456789abcdef';
      const dataDir = mkdtempSync(join(tmpdir(), 'segment-desk-second-'));
      const config = loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        DATABASE_POOL_SIZE: '2',
        BOOTSTRAP_ADMIN_EMAIL: 'intruder@ks.example.test',
        BOOTSTRAP_ADMIN_TOKEN: otherToken,
      });
      const second = await createHttpApp(config, t.db, [API_ROLE]);
      try {
        await expect(second.get(BootstrapAdmin).execute()).resolves.toBe('ignored');
      } finally {
        await second.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
      const [{ n: after }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM staff_user`);
      expect(after).toBe(before);
      await t.http.get('/api/v1/me').set(bearer(otherToken)).expect(401);
      await t.http.get('/api/v1/me').set(bearer(t.adminToken)).expect(200);
    });
  });

  describe('the guard', () => {
    it.each([
      ['no credential', {}, 'unauthenticated'],
      ['an unknown token', { Authorization: 'Bearer sdt_unknown-token-000000000000000000000' }, 'invalid_token'],
      ['a Basic credential', { Authorization: 'Basic YWRtaW46YWRtaW4=' }, 'unauthenticated'],
      ['an empty Bearer', { Authorization: 'Bearer' }, 'unauthenticated'],
      ['a token without a scheme', { Authorization: 'sdt_abc' }, 'unauthenticated'],
      ['an unknown session cookie', { Cookie: 'sd_session=forged' }, 'unauthenticated'],
    ])('answers 401 for %s', async (_, headers, code) => {
      const res = await t.http.get('/api/v1/me').set(headers).expect(401);
      expect(res.body).toMatchObject({ status: 401, code });
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('sends a browser without a session to the login page, remembering where it was going', async () => {
      const res = await t.http.get('/staff?x=1').set('Accept', 'text/html').expect(303);
      expect(res.headers.location).toBe('/login?next=%2Fstaff%3Fx%3D1');
    });

    it('lets a viewer read but not write (403)', async () => {
      await t.http.get('/api/v1/me').set(bearer(tokens.viewer!)).expect(200);
      const res = await t.http.post('/api/v1/catalogue/versions').set(bearer(tokens.viewer!)).send({}).expect(403);
      expect(res.body).toMatchObject({ status: 403, code: 'forbidden' });
    });

    it('lets a viewer hold a personal API token, which can still only read', async () => {
      const res = await t.http.post('/api/v1/api-tokens').set(bearer(tokens.viewer!)).send({ name: 'lesetilgang' }).expect(201);
      await t.http.get('/api/v1/me').set(bearer(res.body.token)).expect(200);
      await t.http.post('/api/v1/catalogue/versions').set(bearer(res.body.token)).send({}).expect(403);
      await t.http.delete(`/api/v1/api-tokens/${res.body.id}`).set(bearer(tokens.viewer!)).expect(204);
    });

    it('refuses an agent on admin-only routes (403)', async () => {
      await t.http.get('/api/v1/staff').set(bearer(tokens.agent!)).expect(403);
      await t.http.post('/api/v1/staff').set(bearer(tokens.agent!)).send({ email: 'x@ks.example.test', role: 'admin' }).expect(403);
      await t.http.get('/api/v1/staff').set(bearer(t.adminToken)).expect(200);
    });

    it('does not apply CSRF checks to Bearer calls', async () => {
      await t.http.post('/api/v1/api-tokens').set(bearer(tokens.agent!)).send({ name: 'no csrf needed' }).expect(201);
    });

    it('validates staff input and names the fields', async () => {
      const res = await t.http.post('/api/v1/staff').set(bearer(t.adminToken)).send({ email: 'not-an-email', role: 'boss' }).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['email', 'role']);
    });
  });

  describe('personal API tokens', () => {
    let created: { id: string; token: string; prefix: string };

    it('are shown once at creation and stored only as a hash', async () => {
      const res = await t.http.post('/api/v1/api-tokens').set(bearer(tokens.agent!)).send({ name: 'Saksbehandling' }).expect(201);
      created = res.body;
      expect(created.token).toMatch(/^sdt_[\w-]{43}$/);
      expect(created.token.startsWith(created.prefix)).toBe(true);
      expect(await tablesContaining(t, created.token)).toEqual([]);
      expect(await tablesContaining(t, hashToken(created.token))).toEqual(['api_token']);
      const me = await t.http.get('/api/v1/me').set(bearer(created.token)).expect(200);
      expect(me.body.email).toBe('agent@ks.example.test');
    });

    it('are listed without the secret', async () => {
      const res = await t.http.get('/api/v1/api-tokens').set(bearer(created.token)).expect(200);
      const listed = res.body.find((x: { id: string }) => x.id === created.id);
      expect(listed).toMatchObject({ name: 'Saksbehandling', prefix: created.prefix, revokedAt: null });
      expect(JSON.stringify(res.body)).not.toContain(created.token);
      expect(JSON.stringify(res.body)).not.toContain(hashToken(created.token));
      expect(res.body.every((x: { staffId: string }) => x.staffId === ids.agent)).toBe(true);
    });

    it('cannot be revoked by another non-admin user', async () => {
      await t.http.delete(`/api/v1/api-tokens/${created.id}`).set(bearer(tokens.viewer!)).expect(404);
      const other = await t
        .get(CreateApiToken)
        .execute(
          { kind: 'staff', id: ids.viewer!, email: 'viewer@ks.example.test', name: 'viewer', role: 'viewer', via: 'token' },
          'viewer-2',
          SYSTEM_ACTOR,
        );
      await t.http.delete(`/api/v1/api-tokens/${other.id}`).set(bearer(created.token)).expect(404);
      await t.http.get('/api/v1/me').set(bearer(other.token)).expect(200);
    });

    it('stop working at once when revoked', async () => {
      await t.http.delete(`/api/v1/api-tokens/${created.id}`).set(bearer(tokens.agent!)).expect(204);
      const res = await t.http.get('/api/v1/me').set(bearer(created.token)).expect(401);
      expect(res.body.code).toBe('invalid_token');
      const list = await t.http.get('/api/v1/api-tokens').set(bearer(tokens.agent!)).expect(200);
      expect(list.body.find((x: { id: string }) => x.id === created.id).revokedAt).not.toBeNull();
      expect(await auditActions(t, created.id)).toEqual(['api_token.created', 'api_token.revoked']);
    });

    it('refuses a blank name for a staff member, changing nothing and auditing nothing', async () => {
      const audited = (await auditActions(t, ids.viewer!)).length;
      for (const name of ['', '   '])
        expect(
          (await t.http.patch(`/api/v1/staff/${ids.viewer}`).set(bearer(t.adminToken)).send({ name }).expect(400)).body.fields,
        ).toEqual([expect.objectContaining({ field: 'name' })]);
      expect(await auditActions(t, ids.viewer!)).toHaveLength(audited);
    });

    it('stop working when their owner is deactivated', async () => {
      await t.http.patch(`/api/v1/staff/${ids.viewer}`).set(bearer(t.adminToken)).send({ active: false }).expect(200);
      await t.http.get('/api/v1/me').set(bearer(tokens.viewer!)).expect(401);
      await t.http.patch(`/api/v1/staff/${ids.viewer}`).set(bearer(t.adminToken)).send({ active: true }).expect(200);
      await t.http.get('/api/v1/me').set(bearer(tokens.viewer!)).expect(200);
    });
  });
});
