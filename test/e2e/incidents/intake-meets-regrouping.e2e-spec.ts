import { ReportRepository } from '@domain/incidents/report.repository';

import type { RegisteredConsumer } from '../../support/fixtures';
import { reportBody, reportingApp } from '../../support/incident-fixtures';
import { createStaffWithToken } from '../../support/staff-session';
import { incidentsWithStaleCounts } from '../../support/stored-data';
import { bearer, TestApp } from '../../support/test-app';

/**
 * A report chooses its incident from a read made before it is stored. Staff may merge or resolve
 * that incident in between; the report must then go where the incident's reports went, or to an
 * incident open now, never into the merged or resolved one, where no one counts, escalates or
 * closes it.
 */
describe('a report stored while its incident is merged or resolved', () => {
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
  afterEach(async () => {
    jest.restoreAllMocks();
    expect(await incidentsWithStaleCounts(t)).toEqual([]);
  });

  const report = async (key: string, over: Record<string, unknown>) =>
    (await t.http.post('/api/v1/reports').set(bearer(key)).send(reportBody(over)).expect(201)).body;

  /**
   * Sends a report whose storing waits until `meanwhile` has run: the report has chosen its
   * incident by then. Its answer.
   */
  async function reportWhile(key: string, over: Record<string, unknown>, meanwhile: () => Promise<unknown>) {
    const reports = t.get(ReportRepository);
    const insert = reports.insertReceived.bind(reports);
    let reached!: () => void;
    const storing = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    jest.spyOn(reports, 'insertReceived').mockImplementationOnce(async (...args) => {
      reached();
      await released;
      return insert(...args);
    });
    const answer = t.http.post('/api/v1/reports').set(bearer(key)).send(reportBody(over));
    const done = answer.then((res) => res);
    await storing;
    await meanwhile();
    release();
    return done;
  }

  const stored = async (reportId: string) =>
    (
      await t.dataSource.query(
        `SELECT r.incident_id, r.status AS report_status, i.status AS incident_status, i.merged_into_id
         FROM report r JOIN incident i ON i.id = r.incident_id WHERE r.id = $1`,
        [reportId],
      )
    )[0];

  it('goes to the survivor when its incident is merged into another', async () => {
    const service = { environment: 'test', service: 'inntekt' };
    const older = await report(c.key, {
      ...service,
      title: 'Inntekt-API svarer 401',
      description: 'Tokenet blir avvist av inntekts-API-et.',
      httpStatus: 401,
      errorCode: 'INN-401',
    });
    const outage = { environment: 'test', title: 'Alle oppslag gir 503 i test' };
    const first = await report(a.key, outage);
    expect(first.incidentId).not.toBe(older.incidentId);

    const res = await reportWhile(b.key, outage, () =>
      t.http
        .post(`/api/v1/incidents/${first.incidentId}/merge`)
        .set(bearer(agentToken))
        .send({ otherIncidentId: older.incidentId })
        .expect(200)
        .then((merged) => expect(merged.body.id).toBe(older.incidentId)),
    );

    expect(res.status).toBe(201);
    expect(res.body.incidentId).toBe(older.incidentId);
    expect(await stored(res.body.id)).toMatchObject({ incident_id: older.incidentId, merged_into_id: null, report_status: 'open' });
    const survivor = (await t.http.get(`/api/v1/incidents/${older.incidentId}`).set(bearer(agentToken)).expect(200)).body;
    expect(survivor).toMatchObject({ reportCount: 3, consumerCount: 3 });
  });

  it('opens an incident of its own when its incident is resolved', async () => {
    const outage = {
      environment: 'production',
      service: 'skatteoppgjor',
      title: 'Skatteoppgjør gir 502',
      httpStatus: 502,
      errorCode: 'SO-502',
    };
    const first = await report(a.key, outage);

    const res = await reportWhile(b.key, outage, () =>
      t.http.post(`/api/v1/incidents/${first.incidentId}/resolve`).set(bearer(agentToken)).send({ message: 'Rettet.' }).expect(200),
    );

    expect(res.status).toBe(201);
    expect(res.body.incidentId).not.toBe(first.incidentId);
    expect(await stored(res.body.id)).toMatchObject({ incident_id: res.body.incidentId, incident_status: 'new', report_status: 'open' });
    expect(await stored(first.id)).toMatchObject({ incident_status: 'resolved', report_status: 'closed' });
  });
});
