import { registerConsumer, type RegisteredConsumer, SKE } from '../../support/fixtures';
import { INCIDENT_SERVICES, reportBody, reportingApp } from '../../support/incident-fixtures';
import { createStaffWithToken, type StaffWithToken } from '../../support/staff-session';
import { bearer, type TestApp } from '../../support/test-app';

interface Filed {
  id: string;
  incidentId: string;
  incidentReference: string;
  receivedAt: string;
}

/** A security case follows its reports when staff merge incidents or split reports out of one. */
describe('security cases when incidents are merged or split', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let c: RegisteredConsumer;
  let agent: StaffWithToken;
  let security: StaffWithToken;

  const file = async (consumer: RegisteredConsumer, body: Record<string, unknown>): Promise<Filed> =>
    (await t.http.post('/api/v1/reports').set(bearer(consumer.key)).send(reportBody(body)).expect(201)).body;
  const privacy = (consumer: RegisteredConsumer, title: string) =>
    file(consumer, {
      category: 'privacy',
      title,
      description: `${title}: opplysninger ble vist for feil mottaker.`,
      httpStatus: null,
      errorCode: null,
    });
  /**
   * The second report's own incident. Merging needs two incidents of one environment, and reports
   * of one environment sent minutes apart can be one wave at intake: staff then split it out first.
   */
  const apart = async (first: Filed, second: Filed): Promise<string> =>
    first.incidentId !== second.incidentId
      ? second.incidentId
      : (
          await t.http
            .post(`/api/v1/incidents/${first.incidentId}/split`)
            .set(bearer(security.token))
            .send({ reportIds: [second.id] })
            .expect(201)
        ).body.id;
  const securityCase = (incidentId: string) => t.http.get(`/api/v1/security-cases/${incidentId}`).set(bearer(security.token));
  const record = (incidentId: string, item: Record<string, string>) =>
    t.http.post(`/api/v1/security-cases/${incidentId}/checklist`).set(bearer(security.token)).send(item).expect(200);
  const merge = async (id: string, otherIncidentId: string): Promise<string> =>
    (await t.http.post(`/api/v1/incidents/${id}/merge`).set(bearer(security.token)).send({ otherIncidentId }).expect(200)).body.id;
  const caseRows = async (incidentIds: string[]) =>
    (await t.dataSource.query(`SELECT incident_id FROM security_case WHERE incident_id = ANY($1::uuid[])`, [incidentIds])).map(
      (r: { incident_id: string }) => r.incident_id,
    );

  beforeAll(async () => {
    ({ t, a, b, c } = await reportingApp());
    agent = await createStaffWithToken(t, 'agent');
    security = await createStaffWithToken(t, 'security');
  });
  afterAll(() => t?.close());

  describe('merging', () => {
    it('keeps one case on the survivor, its clock from the earlier report and what either checklist recorded', async () => {
      const earlier = await privacy(a, 'Vedtaksbrev sendt til feil adresse');
      const later = await privacy(b, 'Skattegrunnlag synlig i feil kommune');
      await record(earlier.incidentId, { item: 'municipalityInformed' });
      await record(later.incidentId, { item: 'containment', text: 'Tilgangen er stengt.' });
      // Skatteetaten has the later one's thread, so the later one survives the merge.
      await t.http.post(`/api/v1/incidents/${later.incidentId}/escalate`).set(bearer(security.token)).expect(200);
      const survivor = await merge(earlier.incidentId, later.incidentId);
      expect(survivor).toBe(later.incidentId);
      const res = await securityCase(survivor).expect(200);
      expect(res.body).toMatchObject({
        receivedAt: earlier.receivedAt,
        checklist: { municipalityInformed: { by: security.email }, containment: { text: 'Tilgangen er stengt.' } },
      });
      expect(res.body.reports.map((r: { id: string }) => r.id).sort()).toEqual([earlier.id, later.id].sort());
      expect(await caseRows([earlier.incidentId, later.incidentId])).toEqual([survivor]);
      const list = await t.http.get('/api/v1/security-cases').set(bearer(agent.token)).expect(200);
      expect(
        list.body.filter((row: { incidentId: string }) => [earlier.incidentId, later.incidentId].includes(row.incidentId)),
      ).toHaveLength(1);
    });

    it('leaves two ordinary incidents ordinary', async () => {
      const one = await file(a, {
        environment: 'production',
        service: 'inntekt',
        title: 'Tidsavbrudd mot Inntekt',
        errorCode: null,
        httpStatus: 504,
      });
      const two = await file(b, {
        environment: 'production',
        service: 'skatteoppgjor',
        title: 'Skatteoppgjør svarer 429',
        errorCode: null,
        httpStatus: 429,
      });
      const survivor = await merge(one.incidentId, await apart(one, two));
      await t.http.get(`/api/v1/incidents/${survivor}`).set(bearer(agent.token)).expect(200);
      await securityCase(survivor).expect(404);
    });

    it('makes an ordinary survivor a security case when the incident merged into it was one, carrying the case', async () => {
      const ordinary = await file(a, {
        environment: 'production',
        service: 'inntekt',
        title: 'Inntekt svarer 502',
        errorCode: null,
        httpStatus: 502,
      });
      const triaged = await file(c, {
        environment: 'production',
        service: 'skatteoppgjor',
        title: 'Skatteoppgjøret mangler feltet formue',
        description: 'Feltet formue er tomt i svaret for flere skattytere.',
        errorCode: null,
        httpStatus: 200,
      });
      const triagedIncident = await apart(ordinary, triaged);
      await t.http.post(`/api/v1/incidents/${triagedIncident}/triage`).set(bearer(agent.token)).send({ side: 'security' }).expect(200);
      await record(triagedIncident, { item: 'containment', text: 'Integrasjonen er stanset.' });
      await t.http.get(`/api/v1/incidents/${ordinary.incidentId}`).set(bearer(agent.token)).expect(200);
      // The older, ordinary incident survives.
      const survivor = await merge(triagedIncident, ordinary.incidentId);
      expect(survivor).toBe(ordinary.incidentId);
      const res = await securityCase(survivor).expect(200);
      expect(res.body).toMatchObject({ receivedAt: triaged.receivedAt, checklist: { containment: { text: 'Integrasjonen er stanset.' } } });
      expect(await caseRows([ordinary.incidentId, triagedIncident])).toEqual([survivor]);
      const refused = await t.http.get(`/api/v1/incidents/${survivor}`).set(bearer(agent.token)).expect(403);
      expect(refused.body.code).toBe('security_case_restricted');
      await t.http.get(`/api/v1/reports/${ordinary.id}`).set(bearer(agent.token)).expect(403);
      await t.http.get(`/api/v1/incidents/${survivor}`).set(bearer(security.token)).expect(200);
    });

    /** Escalates the incident (its first message goes at once here); its thread. */
    const threadOf = async (incidentId: string) => {
      await t.http.post(`/api/v1/incidents/${incidentId}/escalate`).set(bearer(security.token)).expect(200);
      const [e] = await t.dataSource.query(`SELECT id, root_message_id, to_addresses FROM escalation WHERE incident_id = $1`, [incidentId]);
      return { id: e.id as string, messageId: e.root_message_id as string, to: e.to_addresses as string[] };
    };
    /** The last message of the thread that began with `rootMessageId`, sent when its incident was merged away. */
    const pointerIn = async (rootMessageId: string) => {
      const rows: Array<{ to_addresses: string[]; text: string }> = await t.dataSource.query(
        `SELECT to_addresses, text FROM outbox_message WHERE template = 'escalation-merged' AND $1 = ANY("references")`,
        [rootMessageId],
      );
      expect(rows).toHaveLength(1);
      return rows[0];
    };
    const mergeEvent = async (incidentId: string) =>
      (await t.http.get(`/api/v1/incidents/${incidentId}`).set(bearer(security.token)).expect(200)).body.events.find(
        (e: { kind: string }) => e.kind === 'escalation_thread_merged',
      );

    it('keeps the security thread going when an ordinary thread is merged with it, telling the ordinary channel nothing of it', async () => {
      const ordinary = await file(a, {
        environment: 'test',
        service: 'inntekt',
        title: 'Inntekt svarer 503 på alle oppslag',
        errorCode: null,
        httpStatus: 503,
      });
      const leak = await file(b, {
        environment: 'test',
        service: 'skatteoppgjor',
        title: 'Skatteoppgjøret viser en annen kommunes skattytere',
        description: 'Svaret inneholder skattytere fra en annen kommune.',
        errorCode: null,
        httpStatus: 200,
      });
      const leakIncident = await apart(ordinary, leak);
      // Staff judged it a security matter: its thread goes to the security channel.
      await t.http.post(`/api/v1/incidents/${leakIncident}/triage`).set(bearer(agent.token)).send({ side: 'security' }).expect(200);
      const [ordinaryThread, leakThread] = [await threadOf(ordinary.incidentId), await threadOf(leakIncident)];
      expect(leakThread.to).toEqual([`sikkerhet@${SKE}`]);
      // The ordinary incident is older, but the security thread goes on.
      expect(await merge(ordinary.incidentId, leakIncident)).toBe(leakIncident);
      const last = await pointerIn(ordinaryThread.messageId);
      expect(last.to_addresses).toEqual(ordinaryThread.to);
      expect(last.text).toContain(
        `KS har slått saken ${ordinary.incidentReference} sammen med en annen sak om samme feil, som KS følger opp i en annen kanal.`,
      );
      const [{ reference: leakReference }] = await t.dataSource.query(`SELECT reference FROM incident WHERE id = $1`, [leakIncident]);
      expect(last.text).not.toContain(leakReference);
      const [kept] = await t.dataSource.query(`SELECT to_addresses FROM escalation WHERE id = $1`, [leakThread.id]);
      expect(kept.to_addresses).toEqual(leakThread.to);
      expect((await mergeEvent(leakIncident)).details).toMatchObject({ from: ordinary.incidentReference, joined: false });
    });

    it('joins no ordinary thread to one whose incident staff moved to the security side after it was sent', async () => {
      const moved = await file(a, {
        environment: 'test',
        service: 'summert-skattegrunnlag',
        title: 'SSG i test oppgir feil inntektsår',
        description: 'Svarene fra testmiljøet oppgir inntektsår 2019 for alle skattytere.',
        errorCode: null,
        httpStatus: 200,
      });
      const plain = await file(c, {
        environment: 'test',
        service: 'skatteoppgjor',
        title: 'Skatteoppgjøret i test er tregt',
        description: 'Hvert kall mot skatteoppgjøret i testmiljøet tar over 40 sekunder.',
        errorCode: null,
        httpStatus: 200,
      });
      const plainIncident = await apart(moved, plain);
      const [movedThread, plainThread] = [await threadOf(moved.incidentId), await threadOf(plainIncident)];
      expect(movedThread.to).not.toEqual(plainThread.to);
      await t.http.post(`/api/v1/incidents/${moved.incidentId}/triage`).set(bearer(agent.token)).send({ side: 'security' }).expect(200);
      // Both threads ordinary and sent: the older incident goes on, its thread still the ordinary one.
      expect(await merge(plainIncident, moved.incidentId)).toBe(moved.incidentId);
      expect((await pointerIn(plainThread.messageId)).text).toContain('som KS følger opp i en annen kanal.');
      const [kept] = await t.dataSource.query(`SELECT to_addresses FROM escalation WHERE id = $1`, [movedThread.id]);
      expect(kept.to_addresses).toEqual(movedThread.to);
      expect((await mergeEvent(moved.incidentId)).details).toMatchObject({ joined: false });
    });
  });

  describe('splitting', () => {
    let incidentId: string;
    let breach: Filed;
    let other: Filed;
    let stray: Filed;

    beforeAll(async () => {
      // Municipalities of their own: a privacy report may join the same municipality's earlier case.
      const [d, e] = [await registerConsumer(t, 404, INCIDENT_SERVICES), await registerConsumer(t, 505, INCIDENT_SERVICES)];
      breach = await privacy(d, 'Lønnsopplysninger vist for uvedkommende');
      other = await privacy(e, 'Skattemelding sendt til feil mottaker');
      // Alike enough to have joined one case at intake; if not, staff merge them.
      incidentId = breach.incidentId === other.incidentId ? breach.incidentId : await merge(breach.incidentId, other.incidentId);
      await record(incidentId, { item: 'municipalityInformed' });
      // An ordinary report staff moved onto the case.
      stray = await file(c, {
        environment: 'production',
        service: 'summert-skattegrunnlag',
        title: 'Treg respons fra Summert skattegrunnlag',
        errorCode: null,
        httpStatus: 500,
      });
      await t.http.post(`/api/v1/reports/${stray.id}/move`).set(bearer(security.token)).send({ incidentId }).expect(200);
    });

    const split = async (reportIds: string[]): Promise<string> =>
      (await t.http.post(`/api/v1/incidents/${incidentId}/split`).set(bearer(security.token)).send({ reportIds }).expect(201)).body.id;

    it('leaves an ordinary report behind the case: its new incident is ordinary', async () => {
      const created = await split([stray.id]);
      const res = await t.http.get(`/api/v1/incidents/${created}`).set(bearer(agent.token)).expect(200);
      expect(res.body).toMatchObject({ track: 'ordinary', side: 'undetermined', restricted: false });
      await securityCase(created).expect(404);
    });

    it('keeps a split-out privacy report restricted, with its own case clocked from it and the checklist kept', async () => {
      const moved = other;
      const created = await split([moved.id]);
      const refused = await t.http.get(`/api/v1/incidents/${created}`).set(bearer(agent.token)).expect(403);
      expect(refused.body.code).toBe('security_case_restricted');
      const res = await securityCase(created).expect(200);
      expect(res.body).toMatchObject({ receivedAt: moved.receivedAt, checklist: { municipalityInformed: { by: security.email } } });
      expect(res.body.reports.map((r: { id: string }) => r.id)).toEqual([moved.id]);
      // The case it came from keeps its own.
      await securityCase(incidentId).expect(200);
    });
  });

  it('makes the incident a privacy report is moved to a security case, its clock from that report', async () => {
    const target = await file(b, {
      environment: 'test',
      service: 'inntekt',
      title: 'Inntekt mangler månedsbeløp',
      description: 'Svaret fra Inntekt mangler beløpet for mars.',
      errorCode: null,
      httpStatus: 200,
    });
    const leak = await file(c, {
      environment: 'test',
      category: 'privacy',
      title: 'Inntektsopplysninger sendt til feil kommune',
      description: 'En annen kommune fikk inntektsopplysningene våre.',
      httpStatus: null,
      errorCode: null,
    });
    await t.http.post(`/api/v1/reports/${leak.id}/move`).set(bearer(security.token)).send({ incidentId: target.incidentId }).expect(200);
    const refused = await t.http.get(`/api/v1/incidents/${target.incidentId}`).set(bearer(agent.token)).expect(403);
    expect(refused.body.code).toBe('security_case_restricted');
    const res = await securityCase(target.incidentId).expect(200);
    expect(res.body.receivedAt).toBe(leak.receivedAt);
  });
});
