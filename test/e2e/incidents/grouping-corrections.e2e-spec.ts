import { SendEscalationFollowUps } from '@domain/incidents';
import { IncidentRepository } from '@domain/incidents/incident.repository';
import { profileOf } from '@domain/incidents/rules/incident-profile';
import { DatabaseContext } from '@platform/database';

import type { RegisteredConsumer } from '../../support/fixtures';
import { outboxRows, reportBody, reportingApp } from '../../support/incident-fixtures';
import { createStaffWithPassword, createStaffWithToken, signIn } from '../../support/staff-session';
import { incidentsWithStaleCounts } from '../../support/stored-data';
import { bearer, TestApp } from '../../support/test-app';

describe('staff corrections to the grouping', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let c: RegisteredConsumer;
  let agentToken: string;

  beforeAll(async () => {
    ({ t, a, b, c } = await reportingApp());
    agentToken = (await createStaffWithToken(t, 'agent')).token;
  });
  afterAll(() => t?.close());
  // Merges, splits and moves change which incident a report belongs to; the queue's counts follow.
  afterEach(async () => expect(await incidentsWithStaleCounts(t)).toEqual([]));

  describe('merging into an escalated incident', () => {
    /** Staff merge `id` with `otherIncidentId`; the survivor's id. */
    const merge = async (id: string, otherIncidentId: string): Promise<string> =>
      (await t.http.post(`/api/v1/incidents/${id}/merge`).set(bearer(agentToken)).send({ otherIncidentId }).expect(200)).body.id;
    const send = async (key: string, body: Record<string, unknown>) =>
      (await t.http.post('/api/v1/reports').set(bearer(key)).send(reportBody(body)).expect(201)).body;
    /** Escalates the incident (its first message goes at once here); its thread. */
    const threadOf = async (incidentId: string) => {
      await t.http.post(`/api/v1/incidents/${incidentId}/escalate`).set(bearer(agentToken)).expect(200);
      const [e] = await t.dataSource.query(`SELECT id, root_message_id, to_addresses FROM escalation WHERE incident_id = $1`, [incidentId]);
      const [root] = await outboxRows(t, `message_id = $1`, [e.root_message_id]);
      return { id: e.id as string, messageId: e.root_message_id as string, to: e.to_addresses as string[], subject: root.subject };
    };

    it('tells Skatteetaten of the merged-in reports in the next threaded follow-up', async () => {
      const p = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(a.key))
          .send(
            reportBody({
              environment: 'test',
              service: 'skatteoppgjor',
              title: 'Skatteoppgjør test gir 502',
              description: 'Bad gateway fra skatteoppgjør i test.',
              errorCode: 'SO-502',
              httpStatus: 502,
            }),
          )
          .expect(201)
      ).body;
      const escalation = (await t.http.post(`/api/v1/incidents/${p.incidentId}/escalate`).set(bearer(agentToken)).expect(200)).body;
      const q = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(b.key))
          .send(
            reportBody({
              environment: 'test',
              service: 'inntekt',
              title: 'Sammenslått melding om inntekt',
              description: 'Egen melding som saksbehandler slår sammen.',
              errorCode: undefined,
              httpStatus: undefined,
            }),
          )
          .expect(201)
      ).body;
      expect(q.incidentId).not.toBe(p.incidentId);
      const late = new Date(Date.now() + (t.config.escalationDigestMinutes + 1) * 60_000);
      const followUps = t.get(SendEscalationFollowUps);
      expect(await followUps.execute(late)).toBe(0);
      // As if the thread's last message had read every report there is: q is not news by its time.
      const toldAll = `UPDATE escalation SET reported_until = now() + interval '1 second', told_snapshot = pg_current_snapshot() WHERE incident_id = $1`;
      await t.dataSource.query(toldAll, [p.incidentId]);
      expect(await merge(q.incidentId, p.incidentId)).toBe(p.incidentId);
      expect(await followUps.execute(late)).toBe(1);
      expect(await followUps.execute(late)).toBe(0);
      const [reply] = await outboxRows(t, `template = 'escalation-follow-up' AND related_id = $1`, [p.incidentId]);
      expect(reply.in_reply_to).toBe(escalation.messageId);
      expect(reply.text).toContain('Sammenslått melding om inntekt');

      // So is a report staff move in by hand.
      const r = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(c.key))
          .send(
            reportBody({
              environment: 'test',
              service: 'summert-skattegrunnlag',
              title: 'Flyttet melding om a-ordningen',
              description: 'Egen melding som saksbehandler flytter inn.',
              errorCode: undefined,
              httpStatus: undefined,
            }),
          )
          .expect(201)
      ).body;
      expect(r.incidentId).not.toBe(p.incidentId);
      await t.dataSource.query(toldAll, [p.incidentId]);
      await t.http.post(`/api/v1/reports/${r.id}/move`).set(bearer(agentToken)).send({ incidentId: p.incidentId }).expect(200);
      const later = new Date(late.getTime() + (t.config.escalationDigestMinutes + 1) * 60_000);
      expect(await followUps.execute(later)).toBe(1);
      const replies = await outboxRows(t, `template = 'escalation-follow-up' AND related_id = $1`, [p.incidentId]);
      expect(replies.at(-1)!.text).toContain('Flyttet melding om a-ordningen');
      // Out of the later tests' way.
      await t.http.post(`/api/v1/incidents/${p.incidentId}/resolve`).set(bearer(agentToken)).send({ message: 'Rettet.' }).expect(200);
    });

    it("ends the merged incident's own thread with a pointer to the survivor's, whose recipients it joins", async () => {
      const p = await send(a.key, {
        service: 'inntekt',
        title: 'Inntekts-API gir 500 for januar',
        description: 'Alle oppslag på inntekt for januar gir 500 Internal Server Error.',
        httpStatus: 500,
        errorCode: 'IM-500',
      });
      const q = await send(b.key, {
        title: 'SSG gir 404 for kjente personer',
        description: 'Summert skattegrunnlag svarer 404 for personer som har grunnlag.',
        httpStatus: 404,
        errorCode: 'SSG-008',
      });
      expect(q.incidentId).not.toBe(p.incidentId);
      const [pThread, qThread] = [await threadOf(p.incidentId), await threadOf(q.incidentId)];
      expect(pThread.to).not.toEqual(qThread.to);
      const [pRef, qRef] = [p.incidentReference as string, q.incidentReference as string];

      expect(await merge(q.incidentId, p.incidentId)).toBe(p.incidentId);

      // The merged thread's last word, answering within it and naming the thread that goes on.
      const [last] = await outboxRows(t, `template = 'escalation-merged'`);
      expect(last.to_addresses).toEqual(qThread.to);
      expect(last.in_reply_to).toBe(qThread.messageId);
      expect(last.references).toEqual([qThread.messageId]);
      expect(last.subject).toBe(`Re: ${qThread.subject}`);
      expect(last.text).toContain(`KS har slått saken ${qRef} sammen med ${pRef}. De to sakene gjelder samme feil.`);
      expect(last.text).toContain(`Videre oppdateringer om begge kommer i tråden «${pThread.subject}», som dere nå også er mottaker av.`);
      const [survivorThread] = await t.dataSource.query(`SELECT to_addresses FROM escalation WHERE id = $1`, [pThread.id]);
      expect(survivorThread.to_addresses).toEqual([...pThread.to, ...qThread.to]);
      const kinds = (await t.http.get(`/api/v1/incidents/${p.incidentId}`).set(bearer(agentToken)).expect(200)).body.events.map(
        (e: { kind: string }) => e.kind,
      );
      expect(kinds).toContain('escalation_thread_merged');

      // The survivor's next update names the merged incident, to both channels' addresses, once.
      const again = () =>
        send(c.key, {
          service: 'inntekt',
          title: 'Inntekts-API gir 500 for januar',
          description: 'Alle oppslag på inntekt for januar gir 500 Internal Server Error.',
          httpStatus: 500,
          errorCode: 'IM-500',
        });
      const late = new Date(Date.now() + (t.config.escalationDigestMinutes + 1) * 60_000);
      const followUps = t.get(SendEscalationFollowUps);
      expect((await again()).incidentId).toBe(p.incidentId);
      expect(await followUps.execute(late)).toBe(1);
      const [update] = await outboxRows(t, `template = 'escalation-follow-up' AND in_reply_to = $1`, [pThread.messageId]);
      expect(update.to_addresses).toEqual([...pThread.to, ...qThread.to]);
      expect(update.text).toContain(`KS har slått saken ${qRef} sammen med denne. Den hadde en egen tråd, som er avsluttet`);
      expect((await again()).incidentId).toBe(p.incidentId);
      expect(await followUps.execute(new Date(late.getTime() + (t.config.escalationDigestMinutes + 1) * 60_000))).toBe(1);
      const updates = await outboxRows(t, `template = 'escalation-follow-up' AND in_reply_to = $1`, [pThread.messageId]);
      expect(updates).toHaveLength(2);
      expect(updates[1].text).not.toContain('KS har slått saken');

      // The closing message reaches both channels' addresses in the thread that went on.
      await t.http.post(`/api/v1/incidents/${p.incidentId}/resolve`).set(bearer(agentToken)).send({ message: 'Rettet.' }).expect(200);
      const [closing] = await outboxRows(t, `template = 'escalation-closed' AND related_id = $1`, [p.incidentId]);
      expect(closing.to_addresses).toEqual([...pThread.to, ...qThread.to]);
      expect(closing.references[0]).toBe(pThread.messageId);
      expect(closing.text).not.toContain(qRef);
    });

    it('names a merged thread in the closing message when no update has told of it', async () => {
      const p = await send(a.key, {
        environment: 'test',
        service: 'inntekt',
        title: 'Inntekt i test svarer 429 uten grunn',
        description: 'Første kall gir 429 Too Many Requests i testmiljøet.',
        httpStatus: 429,
        errorCode: 'IM-429',
      });
      const q = await send(b.key, {
        environment: 'test',
        title: 'SSG i test mangler formue',
        description: 'Formuesfeltene er tomme i testmiljøet for alle.',
        httpStatus: 200,
        errorCode: null,
      });
      expect(q.incidentId).not.toBe(p.incidentId);
      const [pThread, qThread] = [await threadOf(p.incidentId), await threadOf(q.incidentId)];
      await t.dataSource.query(`UPDATE incident SET ske_case_reference = 'SKE-Q-1' WHERE id = $1`, [q.incidentId]);
      expect(await merge(p.incidentId, q.incidentId)).toBe(p.incidentId);
      // Two threads are two cases at Skatteetaten: the survivor does not take the other's number.
      const [survivor] = await t.dataSource.query(`SELECT ske_case_reference FROM incident WHERE id = $1`, [p.incidentId]);
      expect(survivor.ske_case_reference).toBeNull();
      await t.http.post(`/api/v1/incidents/${p.incidentId}/resolve`).set(bearer(agentToken)).send({ message: 'Rettet.' }).expect(200);
      const [closing] = await outboxRows(t, `template = 'escalation-closed' AND related_id = $1`, [p.incidentId]);
      expect(closing.in_reply_to).toBe(pThread.messageId);
      expect(closing.to_addresses).toEqual([...pThread.to, ...qThread.to]);
      expect(closing.text).toContain(
        `KS har også slått saken ${q.incidentReference} (deres sak SKE-Q-1) sammen med denne. Den hadde en egen tråd, som er avsluttet.`,
      );
    });
  });

  describe('staff corrections', () => {
    it.each(['accept', 'reject'])('answers %s of a merge proposal that does not exist with 404 naming the proposal', async (decision) => {
      const res = await t.http
        .post(`/api/v1/merge-proposals/00000000-0000-4000-8000-000000000000/${decision}`)
        .set(bearer(t.adminToken))
        .expect(404);
      expect(res.body.code).toBe('merge_proposal_not_found');
    });

    it('refuses to merge an incident with itself, saying so through the API and on the page', async () => {
      const own = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(a.key))
          .send(
            reportBody({ environment: 'test', service: 'inntekt', title: 'Tom liste i test', description: 'Listen er tom i testmiljøet.' }),
          )
          .expect(201)
      ).body;
      const api = await t.http
        .post(`/api/v1/incidents/${own.incidentId}/merge`)
        .set(bearer(agentToken))
        .send({ otherIncidentId: own.incidentId })
        .expect(409);
      expect(api.body.code).toBe('merge_with_itself');

      await createStaffWithPassword(t, 'agent.sammen@ks.example.test', 'agent');
      const agent = await signIn(t, 'agent.sammen@ks.example.test');
      const page = await agent.post(`/incidents/${own.incidentId}/merge`, { other: own.incidentReference }).expect(409);
      expect(page.text).toContain('En hendelse kan ikke slås sammen med seg selv.');
      expect(page.text).not.toContain('allerede slått sammen');
      expect(page.text).toContain(`value="${own.incidentReference}"`);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM incident_event WHERE incident_id = $1 AND kind = 'merged_in'`,
        [own.incidentId],
      );
      expect(n).toBe(0);
    });

    it("merges incidents; the merged one answers with the survivor's reference", async () => {
      const x = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(a.key))
          .send(
            reportBody({
              environment: 'test',
              service: 'inntekt',
              title: 'Feil beløp i testdata',
              description: 'Inntektsbeløpene i test ser feil ut for periode 2026-01.',
              errorCode: undefined,
              httpStatus: undefined,
            }),
          )
          .expect(201)
      ).body;
      const y = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(b.key))
          .send(
            reportBody({
              environment: 'test',
              service: 'skatteoppgjor',
              category: 'security',
              title: 'Mistanke om misbruk',
              description: 'Noen har brukt nøkkelen vår.',
            }),
          )
          .expect(201)
      ).body;
      const z = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(c.key))
          .send(
            reportBody({
              environment: 'test',
              service: 'summert-skattegrunnlag',
              title: 'Tregt i test',
              description: 'Svartider på 20 sekunder i testmiljøet.',
              errorCode: undefined,
              httpStatus: undefined,
            }),
          )
          .expect(201)
      ).body;
      expect(new Set([x.incidentId, z.incidentId]).size).toBe(2);
      // A security case is the security role's and administrators' to act on; for them it never merges with an ordinary incident.
      const asAgent = await t.http
        .post(`/api/v1/incidents/${x.incidentId}/merge`)
        .set(bearer(agentToken))
        .send({ otherIncidentId: y.incidentId })
        .expect(403);
      expect(asAgent.body.code).toBe('security_case_restricted');
      const asAdmin = await t.http
        .post(`/api/v1/incidents/${x.incidentId}/merge`)
        .set(bearer(t.adminToken))
        .send({ otherIncidentId: y.incidentId })
        .expect(409);
      expect(asAdmin.body.code).toBe('track_mismatch');
      const merged = await t.http
        .post(`/api/v1/incidents/${x.incidentId}/merge`)
        .set(bearer(agentToken))
        .send({ otherIncidentId: z.incidentId })
        .expect(200);
      const survivor = merged.body.reference;
      const viaMerged = await t.http
        .get(`/api/v1/incidents/${z.incidentId === merged.body.id ? x.incidentId : z.incidentId}`)
        .set(bearer(agentToken))
        .expect(200);
      expect(viaMerged.body.reference).toBe(survivor);
      const zr = await t.http.get(`/api/v1/reports/${z.id}`).set(bearer(c.key)).expect(200);
      expect(zr.body.incidentId).toBe(merged.body.id);

      const split = await t.http
        .post(`/api/v1/incidents/${merged.body.id}/split`)
        .set(bearer(agentToken))
        .send({ reportIds: [z.id] })
        .expect(201);
      expect(split.body.reference).not.toBe(survivor);
      expect(split.headers.location).toBe(`/api/v1/incidents/${split.body.id}`);
      const after = await t.http.get(`/api/v1/reports/${z.id}`).set(bearer(agentToken)).expect(200);
      expect(after.body.incidentId).toBe(split.body.id);
      expect(after.body.match.by).toBe('manual');

      await t.http.post(`/api/v1/reports/${z.id}/move`).set(bearer(agentToken)).send({ incidentId: merged.body.id }).expect(200);
      const moved = await t.http.get(`/api/v1/reports/${z.id}`).set(bearer(agentToken)).expect(200);
      expect(moved.body.incidentId).toBe(merged.body.id);
      expect(moved.body.pinned).toBe(true);
      const detail = await t.http.get(`/api/v1/incidents/${merged.body.id}`).set(bearer(agentToken)).expect(200);
      expect(detail.body.events.map((e: { kind: string }) => e.kind)).toEqual(
        expect.arrayContaining(['merged_in', 'split', 'report_moved_in']),
      );
    });
  });

  describe('a report whose attachment is still pending', () => {
    // Intake folds a report into its incident just after its commit; a fold that failed leaves it
    // pending (the worker folds it later). Whatever moves it in that window must neither count it
    // twice in the grouping profile nor leave the incident's counts short.

    // An outage's reports from these consumers in turn, all in one incident; the last one's fold
    // fails, so it stays pending.
    const outageWithLastPending = async (service: string, errorCode: string, title: string, description: string, keys: string[]) => {
      const sent: Array<{ id: string; incidentId: string }> = [];
      for (const [i, key] of keys.entries()) {
        const failing =
          i === keys.length - 1
            ? jest.spyOn(t.get(IncidentRepository), 'foldAttachments').mockRejectedValueOnce(new Error('connection lost'))
            : null;
        const body = reportBody({
          environment: 'production',
          service,
          errorCode,
          httpStatus: 504,
          title: `${title} (${i + 1})`,
          description,
        });
        sent.push((await t.http.post('/api/v1/reports').set(bearer(key)).send(body).expect(201)).body);
        failing?.mockRestore();
      }
      expect(new Set(sent.map((r) => r.incidentId)).size).toBe(1);
      return sent;
    };

    it('is folded by a split, a move or a merge that takes it, and counted once in the incident it ends in', async () => {
      const [first, , third] = await outageWithLastPending(
        'skatteoppgjor',
        'SO-504',
        'Skatteoppgjør svarer 504',
        'Alle kall mot skatteoppgjør i produksjon gir 504 Gateway Timeout.',
        [a.key, b.key, c.key],
      );
      const pending = () => t.dataSource.query('SELECT report_id FROM incident_pending_attachment');
      expect(await pending()).toEqual([{ report_id: third.id }]);
      const inProfile = async (id: string) =>
        profileOf((await t.dataSource.query('SELECT profile FROM incident WHERE id = $1', [id]))[0].profile).reports;

      const split = await t.http
        .post(`/api/v1/incidents/${first.incidentId}/split`)
        .set(bearer(agentToken))
        .send({ reportIds: [third.id] })
        .expect(201);
      expect(await pending()).toEqual([]);
      expect(await incidentsWithStaleCounts(t)).toEqual([]);
      expect([await inProfile(first.incidentId), await inProfile(split.body.id)]).toEqual([2, 1]);

      // The report pending again where it is alone (its profile and counts without it), as a
      // failed fold leaves it.
      const pendingAgainIn = async (incidentId: string) => {
        const [{ profile }] = await t.dataSource.query('SELECT profile FROM incident WHERE id = $1', [incidentId]);
        await t.dataSource.query('INSERT INTO incident_pending_attachment (report_id, contribution) VALUES ($1, $2)', [third.id, profile]);
        await t.dataSource.query('SELECT count_incident_reports(ARRAY[$1::uuid])', [incidentId]);
        await t.dataSource.query(`UPDATE incident SET profile = '{}' WHERE id = $1`, [incidentId]);
        expect(await pending()).toEqual([{ report_id: third.id }]);
      };

      // Back again by a move, from the incident where it is pending.
      await pendingAgainIn(split.body.id);
      await t.http.post(`/api/v1/reports/${third.id}/move`).set(bearer(agentToken)).send({ incidentId: first.incidentId }).expect(200);
      expect(await pending()).toEqual([]);
      expect(await incidentsWithStaleCounts(t)).toEqual([]);
      expect(await inProfile(first.incidentId)).toBe(3);

      // Split out once more, pending there, and merged back: the merge brings it in counted once.
      const again = await t.http
        .post(`/api/v1/incidents/${first.incidentId}/split`)
        .set(bearer(agentToken))
        .send({ reportIds: [third.id] })
        .expect(201);
      await pendingAgainIn(again.body.id);
      const merged = await t.http
        .post(`/api/v1/incidents/${first.incidentId}/merge`)
        .set(bearer(agentToken))
        .send({ otherIncidentId: again.body.id })
        .expect(200);
      expect(merged.body.id).toBe(first.incidentId);
      expect(await pending()).toEqual([]);
      expect(await incidentsWithStaleCounts(t)).toEqual([]);
      expect(await inProfile(first.incidentId)).toBe(3);
    });

    it('is folded inside the transaction that moves it, which still waits for its flush at commit', async () => {
      const [first] = await outageWithLastPending('inntekt', 'INN-504', 'Inntekt svarer 504', 'Alle kall mot inntekt gir 504 fra i dag.', [
        a.key,
        b.key,
      ]);
      const db = t.get(DatabaseContext);
      const inside = await db.transaction(async () => ({
        folded: await t.get(IncidentRepository).foldAttachmentsInTransaction(first.incidentId),
        synchronousCommit: (await db.manager.query('SHOW synchronous_commit'))[0].synchronous_commit,
      }));
      expect(inside).toEqual({ folded: 1, synchronousCommit: 'on' });
    });
  });
});
