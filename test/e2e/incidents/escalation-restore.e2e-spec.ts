import { SendEscalationFollowUps } from '@domain/incidents';
import { MOVED_FROM_ANOTHER_CLUSTER, runMigrations } from '@platform/database';

import type { RegisteredConsumer } from '../../support/fixtures';
import { outboxRows, reportBody, reportingApp } from '../../support/incident-fixtures';
import { bearer, TestApp } from '../../support/test-app';

/**
 * A database restored from a dump into another PostgreSQL cluster keeps the transaction ids its
 * reports and threads were stored with, which mean nothing in the new cluster. At start the
 * desk finds that the cluster differs from the one it recorded and forgets them, once: what
 * Skatteetaten has been told is then judged by the time reports were stored.
 */
describe('a database restored into another PostgreSQL cluster', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;

  beforeAll(async () => {
    ({ t, a, b } = await reportingApp());
  });
  afterAll(() => t?.close());

  const report = async (key: string, title: string) =>
    (
      await t.http
        .post('/api/v1/reports')
        .set(bearer(key))
        .send(reportBody({ service: 'skatteoppgjor', errorCode: 'SO-500', httpStatus: 500, title, description: `${title}.` }))
        .expect(201)
    ).body as { id: string; incidentId: string };
  const kept = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*)::int FROM report WHERE created_xid IS NOT NULL) AS reports,
                (SELECT count(*)::int FROM escalation WHERE told_snapshot IS NOT NULL) AS threads`,
      )
    )[0];

  it('forgets the transaction ids at start, once, and tells each report once by the time it was stored', async () => {
    const first = await report(a.key, 'Skatteoppgjøret gir 500');
    await t.http.post(`/api/v1/incidents/${first.incidentId}/escalate`).set(bearer(t.adminToken)).expect(200);
    const after = await report(b.key, 'Skatteoppgjøret svarer 500 hos oss');
    expect(after.incidentId).toBe(first.incidentId);
    expect(await kept()).toEqual({ reports: 2, threads: 1 });

    // Started in the cluster it was stored in: nothing to forget.
    expect(await runMigrations(t.dataSource)).toEqual([]);
    expect(await kept()).toEqual({ reports: 2, threads: 1 });
    // As if restored from a dump taken in another cluster.
    await t.dataSource.query(`UPDATE database_origin SET system_identifier = 'another cluster'`);
    expect(await runMigrations(t.dataSource)).toEqual([MOVED_FROM_ANOTHER_CLUSTER]);
    expect(await kept()).toEqual({ reports: 0, threads: 0 });
    expect(await runMigrations(t.dataSource)).toEqual([]);

    const followUps = t.get(SendEscalationFollowUps);
    const digest = (t.config.escalationDigestMinutes + 1) * 60_000;
    expect(await followUps.execute(new Date(Date.now() + digest))).toBe(1);
    expect(await followUps.execute(new Date(Date.now() + 2 * digest))).toBe(0);
    const [update] = await outboxRows(t, `template = 'escalation-follow-up' AND related_id = $1`, [first.incidentId]);
    expect(update.text).toContain(b.orgNumber);
    expect(update.text).not.toContain(a.orgNumber);
    // Reports stored from now on keep this cluster's ids.
    await report(a.key, 'Skatteoppgjøret gir fortsatt 500');
    expect(await kept()).toEqual({ reports: 1, threads: 1 });
  });

  it('forgets them as well when no cluster was recorded (a dump taken before the desk recorded one)', async () => {
    await report(b.key, 'Skatteoppgjøret gir 500 igjen');
    expect((await kept()).reports).toBeGreaterThan(0);
    await t.dataSource.query(`DELETE FROM database_origin`);
    expect(await runMigrations(t.dataSource)).toEqual([]);
    expect(await kept()).toEqual({ reports: 0, threads: 0 });
    const [origin] = await t.dataSource.query(
      `SELECT o.system_identifier = c.system_identifier::text AS here FROM database_origin o, pg_control_system() c`,
    );
    expect(origin).toEqual({ here: true });
  });
});
