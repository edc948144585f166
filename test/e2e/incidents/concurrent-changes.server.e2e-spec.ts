import type { RegisteredConsumer } from '../../support/fixtures';
import { reportBody, reportingApp } from '../../support/incident-fixtures';
import { LockWaits } from '../../support/lock-waits';
import { incidentsWithStaleCounts } from '../../support/stored-data';
import { bearer, TestApp } from '../../support/test-app';

/**
 * Changes to one incident at the same moment: an answer that arrives while staff merge its
 * incident ends up in the incident that survives, and a change PostgreSQL aborts to break a
 * deadlock is answered as one to send again. Both need transactions at once, so the server: the
 * embedded database runs one transaction at a time.
 */
describe('concurrent changes to an incident', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let c: RegisteredConsumer;
  let locks: LockWaits;
  const other = () => locks.other;

  beforeAll(async () => {
    ({ t, a, b, c } = await reportingApp());
    locks = await LockWaits.open(t.db.url);
  });
  afterAll(async () => {
    await locks?.close();
    await t?.close();
  });

  /** Staff merge `merged` into `survivor`, started. */
  const merging = (survivor: string, merged: string) =>
    locks.start(t.http.post(`/api/v1/incidents/${survivor}/merge`).set(bearer(t.adminToken)).send({ otherIncidentId: merged }));

  it.each([
    {
      what: "a municipality's answer through the API",
      environment: 'production',
      send: (report: { id: string; incidentId: string }, body: string) =>
        t.http.post(`/api/v1/reports/${report.id}/messages`).set(bearer(b.key)).send({ body }),
      status: 201,
    },
    {
      what: "a note from KS's staff",
      environment: 'test',
      send: (report: { id: string; incidentId: string }, body: string) =>
        t.http.post(`/incidents/${report.incidentId}/messages/note`).set(bearer(t.adminToken)).type('form').send({ body }),
      status: 303,
    },
  ])(
    'stores $what sent during a merge in the surviving incident, whichever of the two gets the incident first',
    async ({ environment, send, status }) => {
      const first = await t.http.post('/api/v1/reports').set(bearer(a.key)).send(reportBody({ environment })).expect(201);
      const second = await t.http
        .post('/api/v1/reports')
        .set(bearer(b.key))
        .send(
          reportBody({
            environment,
            service: 'skatteoppgjor',
            title: 'Feil beløp i oppgjøret',
            description: 'Skatteoppgjøret viser feil beløp for flere skattytere.',
            httpStatus: null,
            errorCode: null,
          }),
        )
        .expect(201);
      expect(second.body.incidentId).not.toBe(first.body.incidentId);

      // Another session holds the newer incident (the one a merge closes) while both requests start.
      await other().query('BEGIN');
      await other().query(`SELECT id FROM incident WHERE id = $1 FOR NO KEY UPDATE`, [second.body.incidentId]);
      const merge = merging(first.body.incidentId, second.body.incidentId);
      await locks.untilWaiting(1, merge);
      const body = `Skrevet under sammenslåingen (${environment}).`;
      const message = locks.start(send(second.body, body));
      await locks.untilWaiting(2, message);
      await other().query('COMMIT');

      const [mergeRes, messageRes] = await Promise.all([merge.result, message.result]);
      expect(mergeRes.status).toBe(200);
      expect(messageRes.status).toBe(status);
      const survivor = mergeRes.body.id as string;
      expect(survivor).toBe(first.body.incidentId);
      const stored = await t.dataSource.query(`SELECT incident_id FROM incident_message WHERE body = $1`, [body]);
      expect(stored).toEqual([{ incident_id: survivor }]);
    },
  );

  it.each([
    // The merge has closed the incident and waits, holding it, for another session's lock on the
    // merge proposals: the report's statement waits for the incident and then finds it merged.
    { first: 'the merge', hold: 'LOCK TABLE merge_proposal IN SHARE ROW EXCLUSIVE MODE' },
    // Another session holds the incident from the merge, not from a report: the report is stored
    // first, and the merge moves it.
    { first: 'the report', hold: 'SELECT id FROM incident WHERE id = $1 FOR NO KEY UPDATE' },
  ])('stores a report sent during a merge of its incident in the survivor when $first gets the incident first', async ({ hold }) => {
    const environment = 'test';
    // The environment's earlier outages are over: the reports here make incidents of their own.
    const open = await t.dataSource.query(
      `SELECT id FROM incident WHERE environment = $1 AND merged_into_id IS NULL AND status NOT IN ('resolved', 'closed')`,
      [environment],
    );
    for (const { id } of open)
      await t.http.post(`/api/v1/incidents/${id}/resolve`).set(bearer(t.adminToken)).send({ message: 'Rettet.' }).expect(200);
    const older = await t.http
      .post('/api/v1/reports')
      .set(bearer(a.key))
      .send(
        reportBody({
          environment,
          service: 'inntekt',
          title: 'Inntekt-API svarer 401',
          description: 'Tokenet blir avvist av inntekts-API-et.',
          httpStatus: 401,
          errorCode: 'INN-401',
        }),
      )
      .expect(201);
    const outage = reportBody({ environment, title: 'Alle oppslag gir 503 i test' });
    const newer = await t.http.post('/api/v1/reports').set(bearer(b.key)).send(outage).expect(201);
    expect(newer.body.incidentId).not.toBe(older.body.incidentId);

    await other().query('BEGIN');
    await other().query(hold, hold.includes('$1') ? [newer.body.incidentId] : []);
    const merge = merging(older.body.incidentId, newer.body.incidentId);
    await locks.untilWaiting(1, merge);
    const late = locks.start(t.http.post('/api/v1/reports').set(bearer(c.key)).send(outage));
    await locks.untilWaiting(2, late);
    await other().query('COMMIT');

    const [mergeRes, lateRes] = await Promise.all([merge.result, late.result]);
    expect(mergeRes.status).toBe(200);
    expect(mergeRes.body.id).toBe(older.body.incidentId);
    expect(lateRes.status).toBe(201);
    const [stored] = await t.dataSource.query(`SELECT incident_id FROM report WHERE id = $1`, [lateRes.body.id]);
    expect(stored.incident_id).toBe(older.body.incidentId);
    expect(await incidentsWithStaleCounts(t)).toEqual([]);
    const survivor = await t.http.get(`/api/v1/incidents/${older.body.incidentId}`).set(bearer(t.adminToken)).expect(200);
    expect(survivor.body).toMatchObject({ reportCount: 3, consumerCount: 3 });
  });

  it('carries a security checklist step recorded while the merge waited for its case into the surviving case', async () => {
    const security = (title: string, service: string) =>
      reportBody({
        category: 'security',
        service,
        title,
        description: `${title}: data om andre kommuners innbyggere.`,
        httpStatus: null,
        errorCode: null,
      });
    const older = await t.http
      .post('/api/v1/reports')
      .set(bearer(a.key))
      .send(security('Ser andres data i inntekt', 'inntekt'))
      .expect(201);
    const newer = await t.http
      .post('/api/v1/reports')
      .set(bearer(b.key))
      .send(security('Feil mottaker i skatteoppgjøret', 'skatteoppgjor'))
      .expect(201);
    expect(newer.body.incidentId).not.toBe(older.body.incidentId);

    // An officer's step on the newer incident's case, not yet committed when the merge starts.
    await other().query('BEGIN');
    await other().query(
      `UPDATE security_case SET checklist = checklist || jsonb_build_object('municipalityInformed', jsonb_build_object('by', 'sikkerhet@ks.example.test', 'at', now()))
       WHERE incident_id = $1`,
      [newer.body.incidentId],
    );
    const merge = merging(older.body.incidentId, newer.body.incidentId);
    await locks.untilWaiting(1, merge);
    await other().query('COMMIT');

    const res = await merge.result;
    expect(res.status).toBe(200);
    const cases = await t.dataSource.query(`SELECT incident_id, checklist FROM security_case WHERE incident_id = ANY($1)`, [
      [older.body.incidentId, newer.body.incidentId],
    ]);
    expect(cases).toEqual([
      { incident_id: res.body.id, checklist: { municipalityInformed: expect.objectContaining({ by: 'sikkerhet@ks.example.test' }) } },
    ]);
  });

  it('answers a change the database aborts to break a deadlock with 503 transaction_conflict, stores nothing of it, and takes it when sent again', async () => {
    const { body: report } = await t.http
      .post('/api/v1/reports')
      .set(bearer(a.key))
      .send(reportBody({ service: 'inntekt', title: 'Tomme svar fra inntekt', errorCode: 'INN-204' }))
      .expect(201);
    const triage = () => t.http.post(`/api/v1/incidents/${report.incidentId}/triage`).set(bearer(t.adminToken)).send({ severity: 'high' });
    // The other session blocks the audit entry the triage writes last, then asks for the incident
    // the triage holds: a deadlock. Its own check waits longer, so the app's transaction is the one ended.
    await other().query('BEGIN');
    await other().query(`SET LOCAL deadlock_timeout = '60s'`);
    await other().query('LOCK TABLE audit_entry IN SHARE ROW EXCLUSIVE MODE');
    const first = locks.start(triage());
    await locks.untilWaiting(1, first);
    const taken = other().query(`SELECT id FROM incident WHERE id = $1 FOR UPDATE`, [report.incidentId]);
    const refused = await first.result;
    await taken;
    await other().query('ROLLBACK');

    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.body).toMatchObject({ code: 'transaction_conflict' });
    const [stored] = await t.dataSource.query(`SELECT severity FROM incident WHERE id = $1`, [report.incidentId]);
    expect(stored.severity).not.toBe('high');
    await triage().expect(200);
    const [after] = await t.dataSource.query(`SELECT severity FROM incident WHERE id = $1`, [report.incidentId]);
    expect(after.severity).toBe('high');
  });
});
