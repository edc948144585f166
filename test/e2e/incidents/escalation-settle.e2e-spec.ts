import { SendDueEscalations } from '@domain/incidents';
import { DataSource } from 'typeorm';

import { publishCatalogue, registerConsumer, RegisteredConsumer, SKE } from '../../support/fixtures';
import { createStaffWithPassword, createStaffWithToken, signIn } from '../../support/staff-session';
import { bearer, createTestApp, TestApp } from '../../support/test-app';

const SERVICES = ['summert-skattegrunnlag', 'inntekt', 'eiendom'];
const SETTLE_SECONDS = 60;

/**
 * The settle period (Alertmanager's group_wait): an escalation's first message waits, so a
 * duplicate that surfaces meanwhile joins its thread instead of starting another. Time is the
 * clock handed to the sending job, so nothing here sleeps.
 */
describe('escalation settle period', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  const due = () => t.get(SendDueEscalations);
  const inSeconds = (s: number) => new Date(Date.now() + s * 1000);
  const reporterMessages = async (incidentId: string) =>
    (
      await t
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM outbox_message WHERE template = 'incident-escalated' AND related_id = $1`, [incidentId])
    )[0].n;
  const rootMessages = (incidentId: string) =>
    t
      .get(DataSource)
      .query(`SELECT to_addresses, message_id, in_reply_to FROM outbox_message WHERE template = 'escalation' AND related_id = $1`, [
        incidentId,
      ]);
  const report = (key: string, over: Record<string, unknown>) =>
    t.http
      .post('/api/v1/reports')
      .set(bearer(key))
      .send({
        service: 'inntekt',
        environment: 'production',
        category: 'incident',
        title: 'Inntekt svarer ikke',
        description: 'Alle kall gir 503.',
        httpStatus: 503,
        ...over,
      })
      .expect(201);

  /** Resolved, so the next test's reports of the same service open incidents of their own. */
  const resolve = (incidentId: string) =>
    t.http.post(`/api/v1/incidents/${incidentId}/resolve`).set(bearer(t.adminToken)).send({ message: 'Rettet.' }).expect(200);

  beforeAll(async () => {
    t = await createTestApp({ ESCALATION_SETTLE_SECONDS: String(SETTLE_SECONDS) });
    await publishCatalogue(t, SERVICES);
    [a, b] = [await registerConsumer(t, 501, SERVICES), await registerConsumer(t, 502, SERVICES)];
  });
  afterAll(() => t.close());

  it('holds the first message for the settle period, then sends it once with the Message-ID fixed at escalation', async () => {
    const r = (
      await report(a.key, {
        service: 'summert-skattegrunnlag',
        title: 'SSG nede',
        description: 'Summert skattegrunnlag gir 503 på alle kall.',
      })
    ).body;
    const escalated = await t.http.post(`/api/v1/incidents/${r.incidentId}/escalate`).set(bearer(t.adminToken)).expect(200);
    expect(escalated.body).toMatchObject({ status: 'pending', alreadyEscalated: false });
    expect(new Date(escalated.body.sendAfter).getTime()).toBeGreaterThan(Date.now() + (SETTLE_SECONDS - 5) * 1000);
    expect(await rootMessages(r.incidentId)).toEqual([]);

    expect(await due().execute(inSeconds(SETTLE_SECONDS / 2))).toBe(0);
    expect(await rootMessages(r.incidentId)).toEqual([]);
    // The reporters hear that it went to Skatteetaten when it goes.
    expect(await reporterMessages(r.incidentId)).toBe(0);
    expect(await due().execute(inSeconds(SETTLE_SECONDS + 1))).toBe(1);
    expect(await reporterMessages(r.incidentId)).toBeGreaterThan(0);
    expect(await due().execute(inSeconds(SETTLE_SECONDS + 2))).toBe(0);
    const [root] = await rootMessages(r.incidentId);
    expect(root).toMatchObject({
      message_id: escalated.body.messageId,
      in_reply_to: null,
      to_addresses: [`summert-skattegrunnlag@${SKE}`],
    });
    const again = await t.http.post(`/api/v1/incidents/${r.incidentId}/escalate`).set(bearer(t.adminToken)).expect(200);
    expect(again.body).toMatchObject({ status: 'sent', alreadyEscalated: true, messageId: escalated.body.messageId });
  });

  it('sends at once when staff say so, and only once', async () => {
    const r = (
      await report(a.key, {
        service: 'eiendom',
        environment: 'test',
        title: 'Eiendom test nede',
        description: 'Eiendom i test gir 502.',
        httpStatus: 502,
      })
    ).body;
    await t.http.post(`/api/v1/incidents/${r.incidentId}/escalate`).set(bearer(t.adminToken)).expect(200);
    // Some clients send a JSON null for "no body"; the route takes no body, so it is read as none.
    const sent = await t.http
      .post(`/api/v1/incidents/${r.incidentId}/escalation/send-now`)
      .set(bearer(t.adminToken))
      .type('json')
      .send('null')
      .expect(200);
    expect(sent.body.status).toBe('sent');
    expect(await rootMessages(r.incidentId)).toHaveLength(1);
    const twice = await t.http.post(`/api/v1/incidents/${r.incidentId}/escalation/send-now`).set(bearer(t.adminToken)).expect(409);
    expect(twice.body.code).toBe('escalation_not_pending');
  });

  it('answers "send now" with nothing to send, and records nothing, when the worker sent it meanwhile', async () => {
    const resolveOpen = async () => {
      const open = await t.dataSource.query(
        `SELECT id FROM incident WHERE merged_into_id IS NULL AND status NOT IN ('resolved', 'closed')`,
      );
      for (const { id } of open)
        await t.http.post(`/api/v1/incidents/${id}/resolve`).set(bearer(t.adminToken)).send({ message: 'Rettet.' }).expect(200);
    };
    // The earlier outages are over: this report opens an incident of its own.
    await resolveOpen();
    const r = (
      await report(a.key, {
        service: 'eiendom',
        environment: 'production',
        title: 'Eiendom gir 504',
        description: 'Eiendom i produksjon svarer 504 Gateway Timeout.',
        httpStatus: 504,
      })
    ).body;
    await t.http.post(`/api/v1/incidents/${r.incidentId}/escalate`).set(bearer(t.adminToken)).expect(200);
    // The grouping's last look, which the send makes before it takes the incident.
    const regroup = t.get(SendDueEscalations)['regroup'];
    const original = regroup.execute.bind(regroup);
    // The worker's pass runs between the click's read of the escalation and its send.
    jest.spyOn(regroup, 'execute').mockImplementationOnce(async (...args) => {
      expect(await t.get(SendDueEscalations).execute(new Date(Date.now() + 24 * 3_600_000))).toBe(1);
      return original(...args);
    });

    const res = await t.http.post(`/api/v1/incidents/${r.incidentId}/escalation/send-now`).set(bearer(t.adminToken)).expect(409);
    expect(res.body.code).toBe('escalation_not_pending');
    expect(await rootMessages(r.incidentId)).toHaveLength(1);
    expect(
      await t.dataSource.query(`SELECT 1 FROM audit_entry WHERE action = 'incident.escalation_sent_now' AND object_id = $1`, [
        r.incidentId,
      ]),
    ).toEqual([]);
    // Over, so that the reports of the tests after it make incidents of their own.
    await resolveOpen();
  });

  it('shows staff that the first message waits, and sends it from the incident page', async () => {
    await createStaffWithPassword(t, 'agent@ks.example.test', 'agent');
    await createStaffWithPassword(t, 'viewer@ks.example.test', 'viewer');
    const [agent, viewer] = [await signIn(t, 'agent@ks.example.test'), await signIn(t, 'viewer@ks.example.test')];
    const r = (
      await report(b.key, {
        service: 'eiendom',
        title: 'Eiendom gir 504',
        description: 'Formuesgrunnlag for eiendomsskatt gir 504.',
        httpStatus: 504,
      })
    ).body;
    const escalated = await agent.post(`/incidents/${r.incidentId}/escalate`).expect(303);
    expect(escalated.headers.location).toBe(`/incidents/${r.incidentId}?done=escalated`);
    const page = await agent.get(escalated.headers.location).expect(200);
    expect(page.text).toContain('id="escalation-pending"');
    expect(page.text).toContain(`action="/incidents/${r.incidentId}/escalate/send-now"`);
    expect((await viewer.get(`/incidents/${r.incidentId}`).expect(200)).text).not.toContain('/escalate/send-now');
    await viewer.post(`/incidents/${r.incidentId}/escalate/send-now`).expect(403);
    const sent = await agent.post(`/incidents/${r.incidentId}/escalate/send-now`).expect(303);
    expect(sent.headers.location).toBe(`/incidents/${r.incidentId}?done=sent`);
    expect(await rootMessages(r.incidentId)).toHaveLength(1);
    expect((await agent.get(`/incidents/${r.incidentId}`).expect(200)).text).not.toContain('id="escalation-pending"');
  });

  it('folds a waiting escalation into the thread of the incident it is merged with: one thread', async () => {
    const p = (
      await report(a.key, {
        title: 'Lønnsdata mangler',
        description: 'Lønn for oktober mangler for alle.',
        httpStatus: 200,
        category: 'deviation',
      })
    ).body;
    const q = (
      await report(b.key, { title: 'Tregt inntekts-API', description: 'Svartider på 30 sekunder.', httpStatus: 200, category: 'deviation' })
    ).body;
    expect(q.incidentId).not.toBe(p.incidentId);
    await t.http.post(`/api/v1/incidents/${p.incidentId}/escalate`).set(bearer(t.adminToken)).expect(200);
    await t.http.post(`/api/v1/incidents/${q.incidentId}/escalate`).set(bearer(t.adminToken)).expect(200);
    const merged = await t.http
      .post(`/api/v1/incidents/${p.incidentId}/merge`)
      .set(bearer(t.adminToken))
      .send({ otherIncidentId: q.incidentId })
      .expect(200);
    const [{ n }] = await t
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM escalation WHERE incident_id IN ($1, $2)`, [p.incidentId, q.incidentId]);
    expect(n).toBe(1);
    await due().execute(inSeconds(SETTLE_SECONDS + 1));
    expect(await rootMessages(merged.body.id)).toHaveLength(1);
    expect(await rootMessages(merged.body.id === p.incidentId ? q.incidentId : p.incidentId)).toEqual([]);
    const events = (await t.http.get(`/api/v1/incidents/${merged.body.id}`).set(bearer(t.adminToken)).expect(200)).body.events.map(
      (e: { kind: string }) => e.kind,
    );
    expect(events).toEqual(expect.arrayContaining(['escalation_folded', 'escalation_sent']));
  });

  it("takes a waiting escalation along when staff move the incident's last report out: the first message is about where it went", async () => {
    const alone = (
      await report(a.key, {
        service: 'summert-skattegrunnlag',
        environment: 'test',
        title: 'Summert skattegrunnlag i test gir 500',
        description: 'Alle kall gir 500.',
        httpStatus: 500,
      })
    ).body;
    const other = (
      await report(b.key, {
        service: 'summert-skattegrunnlag',
        environment: 'test',
        title: 'Summert skattegrunnlag i test avviser tokenet',
        description: 'Kallene avvises med 401 etter tokenbytte.',
        httpStatus: 401,
      })
    ).body;
    expect(other.incidentId).not.toBe(alone.incidentId);
    const escalated = await t.http.post(`/api/v1/incidents/${alone.incidentId}/escalate`).set(bearer(t.adminToken)).expect(200);
    expect(escalated.body.status).toBe('pending');
    await t.http.post(`/api/v1/reports/${alone.id}/move`).set(bearer(t.adminToken)).send({ incidentId: other.incidentId }).expect(200);

    // The emptied incident is read as the one it went into.
    const emptied = await t.http.get(`/api/v1/incidents/${alone.incidentId}`).set(bearer(t.adminToken)).expect(200);
    expect(emptied.body).toMatchObject({ id: other.incidentId, escalation: { status: 'pending', messageId: escalated.body.messageId } });
    expect(await due().execute(inSeconds(SETTLE_SECONDS + 1))).toBe(1);
    expect(await rootMessages(alone.incidentId)).toEqual([]);
    const [root] = await rootMessages(other.incidentId);
    expect(root.message_id).toBe(escalated.body.messageId);
    const [text] = await t.get(DataSource).query(`SELECT text FROM outbox_message WHERE message_id = $1`, [escalated.body.messageId]);
    expect(text.text).toContain(a.orgNumber);
    expect(text.text).toContain(b.orgNumber);
    await resolve(other.incidentId);
  });

  it('cancels a waiting escalation left on an incident an earlier version emptied: nothing goes out about an empty incident', async () => {
    const left = (
      await report(a.key, {
        service: 'summert-skattegrunnlag',
        environment: 'test',
        title: 'SSG i test gir 502',
        description: 'Alle kall gir 502.',
        httpStatus: 502,
      })
    ).body;
    const other = (
      await report(b.key, {
        service: 'summert-skattegrunnlag',
        environment: 'test',
        title: 'SSG i test mangler grunnlag for 2025',
        description: 'Grunnlaget for inntektsåret 2025 mangler.',
        httpStatus: 404,
      })
    ).body;
    expect(other.incidentId).not.toBe(left.incidentId);
    await t.http.post(`/api/v1/incidents/${left.incidentId}/escalate`).set(bearer(t.adminToken)).expect(200);
    // As an earlier version left it: the report moved, the incident closed and pointed on, the escalation where it was.
    const db = t.get(DataSource);
    await db.query(`UPDATE report SET incident_id = $2 WHERE incident_id = $1`, [left.incidentId, other.incidentId]);
    await db.query(`UPDATE incident SET merged_into_id = $2, status = 'closed' WHERE id = $1`, [left.incidentId, other.incidentId]);

    expect(await due().execute(inSeconds(SETTLE_SECONDS + 1))).toBe(0);
    expect(await rootMessages(left.incidentId)).toEqual([]);
    expect(await rootMessages(other.incidentId)).toEqual([]);
    expect(await db.query(`SELECT id FROM escalation WHERE incident_id = $1`, [left.incidentId])).toEqual([]);
    const [cancelled] = await db.query(`SELECT kind FROM incident_event WHERE incident_id = $1 AND kind = 'escalation_cancelled'`, [
      left.incidentId,
    ]);
    expect(cancelled).toBeDefined();
    await resolve(other.incidentId);
  });

  it("cancels a waiting escalation when staff move a security incident's last report into an ordinary one", async () => {
    const officer = (await createStaffWithToken(t, 'security')).token;
    const leak = (
      await report(a.key, {
        service: 'eiendom',
        environment: 'test',
        category: 'security',
        title: 'Eiendom i test viste feil persons grunnlag',
        description: 'Oppslaget viste grunnlaget til en annen skattyter.',
        httpStatus: 200,
      })
    ).body;
    const ordinary = (
      await report(b.key, {
        service: 'eiendom',
        environment: 'test',
        title: 'Eiendom i test svarer tregt',
        description: 'Svartidene er over ti sekunder.',
        httpStatus: 200,
      })
    ).body;
    expect(ordinary.incidentId).not.toBe(leak.incidentId);
    const escalated = await t.http.post(`/api/v1/incidents/${leak.incidentId}/escalate`).set(bearer(officer)).expect(200);
    expect(escalated.body.status).toBe('pending');
    await t.http.post(`/api/v1/reports/${leak.id}/move`).set(bearer(officer)).send({ incidentId: ordinary.incidentId }).expect(200);

    const db = t.get(DataSource);
    expect(await db.query(`SELECT id FROM escalation WHERE incident_id IN ($1, $2)`, [leak.incidentId, ordinary.incidentId])).toEqual([]);
    expect(await due().execute(inSeconds(SETTLE_SECONDS + 1))).toBe(0);
    const receiving = await t.http.get(`/api/v1/incidents/${ordinary.incidentId}`).set(bearer(officer)).expect(200);
    expect(receiving.body).toMatchObject({ escalation: null, side: 'security' });
    await t.http.post(`/api/v1/incidents/${ordinary.incidentId}/resolve`).set(bearer(officer)).send({ message: 'Rettet.' }).expect(200);
  });

  it('cancels a waiting escalation when the incident is solved first: Skatteetaten hears nothing', async () => {
    const r = (
      await report(b.key, { environment: 'test', title: 'Inntekt test 500', description: 'Inntekt i test gir 500.', httpStatus: 500 })
    ).body;
    await t.http.post(`/api/v1/incidents/${r.incidentId}/escalate`).set(bearer(t.adminToken)).expect(200);
    await t.http
      .post(`/api/v1/incidents/${r.incidentId}/resolve`)
      .set(bearer(t.adminToken))
      .send({ message: 'Feilen var i vår egen testklient.', side: 'local' })
      .expect(200);
    expect(await due().execute(inSeconds(SETTLE_SECONDS + 1))).toBe(0);
    expect(await rootMessages(r.incidentId)).toEqual([]);
    // Nor were the reporters told it had gone there.
    expect(await reporterMessages(r.incidentId)).toBe(0);
    const [{ n }] = await t
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM outbox_message WHERE template = 'escalation-closed' AND related_id = $1`, [r.incidentId]);
    expect(n).toBe(0);
  });
});
