import { SendDueEscalations, SendEscalationFollowUps } from '@domain/incidents';
import { EscalationRepository } from '@domain/incidents/escalation.repository';
import { ReclusterIncidents } from '@domain/incidents/recluster-incidents.use-case';
import { Client } from 'pg';

import type { RegisteredConsumer } from '../../support/fixtures';
import { outboxRows, reportBody, reportingApp } from '../../support/incident-fixtures';
import { bearer, TestApp } from '../../support/test-app';

const SETTLE_SECONDS = 60;

/**
 * Reports that reach an escalated incident while a message to Skatteetaten is written are told
 * once: in that message, or in the next. Here they are stored or moved by another session, a
 * transaction truly open across the message: this needs the server, as the embedded database runs
 * one transaction at a time. First messages wait for the settle period and go out as the worker
 * sends them.
 */
describe('reports reaching an incident while a message to Skatteetaten is written', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let c: RegisteredConsumer;
  let other: Client;
  let observer: Client;
  let otherPid: number;

  beforeAll(async () => {
    ({ t, a, b, c } = await reportingApp({ ESCALATION_SETTLE_SECONDS: String(SETTLE_SECONDS) }));
    other = new Client({ connectionString: t.db.url });
    observer = new Client({ connectionString: t.db.url });
    await other.connect();
    await observer.connect();
    otherPid = (await other.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await other?.end();
    await observer?.end();
    await t?.close();
  });

  const digest = () => (t.config.escalationDigestMinutes + 1) * 60_000;
  const report = async (key: string, status: number, title: string, over: Record<string, unknown> = {}) =>
    (
      await t.http
        .post('/api/v1/reports')
        .set(bearer(key))
        .send(
          reportBody({ service: 'skatteoppgjor', errorCode: `SO-${status}`, httpStatus: status, title, description: `${title}.`, ...over }),
        )
        .expect(201)
    ).body as { id: string; incidentId: string };
  const escalate = (incidentId: string) => t.http.post(`/api/v1/incidents/${incidentId}/escalate`).set(bearer(t.adminToken)).expect(200);
  /** The worker's run once the settle period is over. */
  const sendDue = () => t.get(SendDueEscalations).execute(new Date(Date.now() + (SETTLE_SECONDS + 1) * 1000));
  const resolve = (incidentId: string) =>
    t.http.post(`/api/v1/incidents/${incidentId}/resolve`).set(bearer(t.adminToken)).send({ message: 'Rettet.' }).expect(200);

  /**
   * Begins a transaction in the other session that stores a copy of `like` as the consumer's report,
   * attached as intake attaches a certain match (its fold pending, so its commit takes no lock on
   * the incident), and leaves it open.
   */
  const beginReportOf = async (consumer: RegisteredConsumer, like: { id: string }): Promise<void> => {
    await other.query('BEGIN');
    await other.query(
      `WITH added AS (
         INSERT INTO report SELECT (jsonb_populate_record(r, jsonb_build_object(
           'id', gen_random_uuid(), 'reference', 'M-RACE-' || substr(md5(random()::text), 1, 8), 'consumer_id', $2::uuid,
           'received_at', now(), 'created_at', now(), 'created_xid', current_transaction_id()))).*
         FROM report r WHERE r.id = $1 RETURNING id)
       INSERT INTO incident_pending_attachment (report_id, contribution) SELECT id, '{}'::jsonb FROM added`,
      [like.id, consumer.id],
    );
  };

  /**
   * Resolves once a session waits for a lock the other session holds, or `settled` says there is no
   * need (asked on a session of its own).
   */
  const blockedByOther = async (settled: () => boolean) => {
    for (;;) {
      const { rows } = await observer.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND $1 = ANY(pg_blocking_pids(pid))`,
        [otherPid],
      );
      if (rows[0].n > 0 || settled()) return;
      await new Promise((r) => setImmediate(r));
    }
  };

  const messagesOf = async (incidentId: string) => ({
    first: (await outboxRows(t, `template = 'escalation' AND related_id = $1`, [incidentId])).map((m) => m.text),
    updates: (await outboxRows(t, `template = 'escalation-follow-up' AND related_id = $1`, [incidentId])).map((m) => m.text),
  });

  it('tells in the first update a report that committed while the first message was being read', async () => {
    const first = await report(a.key, 502, 'Skatteoppgjøret gir 502 Bad Gateway');
    await escalate(first.incidentId);
    await beginReportOf(c, first);
    // Stored after the open transaction began, and told in the first message.
    const told = await report(b.key, 502, 'Skatteoppgjøret svarer 502 hos oss');
    expect(told.incidentId).toBe(first.incidentId);
    // The other session commits once the first message's mark is taken, before it reads the reports.
    const escalations = t.get(EscalationRepository);
    const takeMark = escalations.toldMark.bind(escalations);
    jest.spyOn(escalations, 'toldMark').mockImplementationOnce(async (incidentId) => {
      const mark = await takeMark(incidentId);
      await other.query('COMMIT');
      return mark;
    });
    expect(await sendDue()).toBe(1);

    const followUps = t.get(SendEscalationFollowUps);
    expect(await followUps.execute(new Date(Date.now() + digest()))).toBe(1);
    expect(await followUps.execute(new Date(Date.now() + 2 * digest()))).toBe(0);
    const { first: firstMessages, updates } = await messagesOf(first.incidentId);
    expect(firstMessages).toHaveLength(1);
    expect(firstMessages[0]).toContain(b.orgNumber);
    expect(firstMessages[0]).not.toContain(c.orgNumber);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toContain(c.orgNumber);
    expect(updates[0]).not.toContain(b.orgNumber);
    await resolve(first.incidentId);
  });

  it('tells in the next update a report whose transaction was open while an update was written', async () => {
    const first = await report(a.key, 503, 'Skatteoppgjøret gir 503 Service Unavailable');
    await escalate(first.incidentId);
    expect(await sendDue()).toBe(1);
    await beginReportOf(c, first);
    const told = await report(b.key, 503, 'Skatteoppgjøret svarer 503 hos oss');
    expect(told.incidentId).toBe(first.incidentId);
    const followUps = t.get(SendEscalationFollowUps);
    expect(await followUps.execute(new Date(Date.now() + digest()))).toBe(1);
    await other.query('COMMIT');

    expect(await followUps.execute(new Date(Date.now() + 2 * digest()))).toBe(1);
    expect(await followUps.execute(new Date(Date.now() + 3 * digest()))).toBe(0);
    const { updates } = await messagesOf(first.incidentId);
    expect(updates).toHaveLength(2);
    expect(updates[0]).toContain(b.orgNumber);
    expect(updates[0]).not.toContain(c.orgNumber);
    expect(updates[1]).toContain(c.orgNumber);
    expect(updates[1]).not.toContain(b.orgNumber);
    await resolve(first.incidentId);
  });

  it('waits for a change to the incident in progress, such as a merge moving reports in, before the first message reads it', async () => {
    const first = await report(a.key, 504, 'Skatteoppgjøret gir 504 Gateway Timeout');
    const elsewhere = await report(c.key, 401, 'Inntekt avviser tokenet i testmiljøet', {
      service: 'inntekt',
      environment: 'test',
      errorCode: 'INN-401',
    });
    expect(elsewhere.incidentId).not.toBe(first.incidentId);
    await escalate(first.incidentId);
    // Once the last regrouping before the message is done, another session moves a report into the
    // incident under its lock, as a merge does, and has not committed when the message is written.
    const regroup = t.get(ReclusterIncidents);
    const regroupNow = regroup.execute.bind(regroup);
    jest.spyOn(regroup, 'execute').mockImplementationOnce(async (...args) => {
      const result = await regroupNow(...args);
      await other.query('BEGIN');
      await other.query(`SELECT id FROM incident WHERE id = $1 FOR UPDATE`, [first.incidentId]);
      await other.query(`UPDATE report SET incident_id = $1 WHERE id = $2`, [first.incidentId, elsewhere.id]);
      return result;
    });
    let settled = false;
    const sending = sendDue().finally(() => (settled = true));
    await blockedByOther(() => settled);
    expect(settled).toBe(false);
    await other.query('COMMIT');
    expect(await sending).toBe(1);

    const { first: firstMessages } = await messagesOf(first.incidentId);
    expect(firstMessages).toHaveLength(1);
    expect(firstMessages[0]).toContain(a.orgNumber);
    expect(firstMessages[0]).toContain(c.orgNumber);
    await resolve(first.incidentId);
  });
});
