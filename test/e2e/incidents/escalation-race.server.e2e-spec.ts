import { SendEscalationFollowUps } from '@domain/incidents';
import { Client } from 'pg';

import type { RegisteredConsumer } from '../../support/fixtures';
import { outboxRows, reportBody, reportingApp } from '../../support/incident-fixtures';
import { bearer, TestApp } from '../../support/test-app';

/**
 * A report whose transaction began before reports the thread has told, and committed after the
 * message that told them had read the incident, is told in the next message, once. Here that
 * report is stored by another session, a transaction truly open across the message: this needs the
 * server, as the embedded database runs one transaction at a time.
 */
describe('reports stored while a message to Skatteetaten is written', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let c: RegisteredConsumer;
  let other: Client;

  beforeAll(async () => {
    ({ t, a, b, c } = await reportingApp());
    other = new Client({ connectionString: t.db.url });
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
    await t?.close();
  });

  const digest = () => (t.config.escalationDigestMinutes + 1) * 60_000;
  const report = async (key: string, status: number, title: string) =>
    (
      await t.http
        .post('/api/v1/reports')
        .set(bearer(key))
        .send(reportBody({ service: 'skatteoppgjor', errorCode: `SO-${status}`, httpStatus: status, title, description: `${title}.` }))
        .expect(201)
    ).body as { id: string; incidentId: string };

  /** Begins a transaction in the other session that stores a copy of `like` as the consumer's report, and leaves it open. */
  const beginReportOf = async (consumer: RegisteredConsumer, like: { id: string }): Promise<string> => {
    await other.query('BEGIN');
    const { rows } = await other.query(
      `INSERT INTO report SELECT (jsonb_populate_record(r, jsonb_build_object(
         'id', gen_random_uuid(), 'reference', 'M-RACE-' || substr(md5(random()::text), 1, 8), 'consumer_id', $2::uuid,
         'received_at', now(), 'created_at', now(), 'created_xid', current_transaction_id()))).*
       FROM report r WHERE r.id = $1 RETURNING id`,
      [like.id, consumer.id],
    );
    return rows[0].id;
  };

  const messagesOf = async (incidentId: string) => ({
    first: (await outboxRows(t, `template = 'escalation' AND related_id = $1`, [incidentId])).map((m) => m.text),
    updates: (await outboxRows(t, `template = 'escalation-follow-up' AND related_id = $1`, [incidentId])).map((m) => m.text),
  });

  it('tells in the first update a report whose transaction was open while the first message was written', async () => {
    const first = await report(a.key, 502, 'Skatteoppgjøret gir 502 Bad Gateway');
    await beginReportOf(c, first);
    // Stored after the open transaction began, and told in the first message.
    const told = await report(b.key, 502, 'Skatteoppgjøret svarer 502 hos oss');
    expect(told.incidentId).toBe(first.incidentId);
    await t.http.post(`/api/v1/incidents/${first.incidentId}/escalate`).set(bearer(t.adminToken)).expect(200);
    await other.query('COMMIT');

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
    await t.http.post(`/api/v1/incidents/${first.incidentId}/resolve`).set(bearer(t.adminToken)).send({ message: 'Rettet.' }).expect(200);
  });

  it('tells in the next update a report whose transaction was open while an update was written', async () => {
    const first = await report(a.key, 503, 'Skatteoppgjøret gir 503 Service Unavailable');
    await t.http.post(`/api/v1/incidents/${first.incidentId}/escalate`).set(bearer(t.adminToken)).expect(200);
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
  });
});
