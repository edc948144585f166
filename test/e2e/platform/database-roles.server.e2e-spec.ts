import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createHttpApp } from '@composition';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@platform/config';
import { Client } from 'pg';
import request from 'supertest';

import { API_ROLE } from '../../../apps/api/src/api-role';
import { bearer } from '../../support/test-app';
import { ADMIN_EMAIL, ADMIN_TOKEN } from '../../support/test-config';

/**
 * With MIGRATION_DATABASE_URL the schema belongs to the migration role and the application
 * connects as a role that does not own it: the application can then neither change nor remove
 * audit entries, nor switch off the trigger that guards them. (Roles are a server's: this file
 * runs in the suite's PostgreSQL server run.)
 */
describe('a separate migration role', () => {
  const server = new URL(process.env.DATABASE_URL!);
  const suffix = randomBytes(4).toString('hex');
  const [owner, appRole, database] = [`sd_owner_${suffix}`, `sd_app_${suffix}`, `sd_roles_${suffix}`];
  const urlAs = (role: string) => {
    const url = new URL(server);
    url.username = role;
    url.password = '';
    url.pathname = `/${database}`;
    return url.toString();
  };
  const asSuperuser = async (sql: string) => {
    const c = new Client({ connectionString: server.toString() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  let dataDir: string;
  let app: NestFastifyApplication;
  let appClient: Client;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'segment-desk-roles-'));
    await asSuperuser(`CREATE ROLE ${owner} LOGIN`);
    await asSuperuser(`CREATE ROLE ${appRole} LOGIN`);
    await asSuperuser(`CREATE DATABASE ${database} OWNER ${owner}`);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      PORT: '0',
      DATABASE_URL: urlAs(appRole),
      MIGRATION_DATABASE_URL: urlAs(owner),
      BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
      BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
      MAIL_FROM: 'segment@ks.example.test',
    });
    app = await createHttpApp(config, { url: urlAs(appRole), poolSize: 2, migrationUrl: urlAs(owner) }, [API_ROLE]);
    appClient = new Client({ connectionString: urlAs(appRole) });
    await appClient.connect();
  }, 120_000);
  afterAll(async () => {
    await appClient?.end();
    await app?.close();
    await asSuperuser(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await asSuperuser(`DROP ROLE IF EXISTS ${appRole}`);
    await asSuperuser(`DROP ROLE IF EXISTS ${owner}`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const refusal = (sql: string) =>
    appClient.query(sql).then(
      () => 'allowed',
      (e: { code?: string }) => e.code,
    );

  it('works as the application role, writing the audit log as it goes', async () => {
    const http = request(app.getHttpServer());
    await http.post('/api/v1/staff').set(bearer(ADMIN_TOKEN)).send({ email: 'ny@ks.example.test', role: 'agent' }).expect(201);
    const { rows } = await appClient.query(`SELECT action FROM audit_entry WHERE action = 'staff.created'`);
    expect(rows).toHaveLength(1);
    const { rows: owners } = await appClient.query(`SELECT tableowner FROM pg_tables WHERE tablename = 'audit_entry'`);
    expect(owners).toEqual([{ tableowner: owner }]);
  });

  it.each([
    ['change an entry', `UPDATE audit_entry SET action = 'x'`, '42501'],
    ['remove an entry', `DELETE FROM audit_entry`, '42501'],
    ['empty the table', `TRUNCATE audit_entry`, '42501'],
    ['switch off its trigger', `ALTER TABLE audit_entry DISABLE TRIGGER ALL`, '42501'],
    ['bypass triggers for the session', `SET session_replication_role = replica`, '42501'],
  ])('cannot %s', async (_what, sql, expected) => {
    expect(await refusal(sql)).toBe(expected);
    const { rows } = await appClient.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'x'`);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('cannot give itself the rights back: a grant by a non-owner grants nothing', async () => {
    await appClient.query(`GRANT UPDATE, DELETE ON audit_entry TO CURRENT_USER`);
    expect(await refusal(`DELETE FROM audit_entry`)).toBe('42501');
  });

  it('can still add entries and read them', async () => {
    await appClient.query(
      `INSERT INTO audit_entry (actor_kind, actor_label, action, object_type) VALUES ('system', 'test', 'probe.added', 'probe')`,
    );
    const { rows } = await appClient.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'probe.added'`);
    expect(rows).toEqual([{ n: 1 }]);
  });
});
