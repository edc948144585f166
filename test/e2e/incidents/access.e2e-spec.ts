import type { RegisteredConsumer } from '../../support/fixtures';
import { reportBody, reportingApp } from '../../support/incident-fixtures';
import { createStaffWithToken } from '../../support/staff-session';
import { bearer, TestApp } from '../../support/test-app';

describe('reports and incidents: who may see and do what', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let agentToken: string;
  let viewerToken: string;

  beforeAll(async () => {
    ({ t, a, b } = await reportingApp());
    agentToken = (await createStaffWithToken(t, 'agent')).token;
    viewerToken = (await createStaffWithToken(t, 'viewer')).token;
  });
  afterAll(() => t?.close());

  describe('object-level authorisation', () => {
    let own: { id: string; incidentId: string };
    let theirs: { id: string };
    beforeAll(async () => {
      own = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(a.key))
          .send(reportBody({ environment: 'test', title: 'Tilgangstest', description: 'Kontroll.' }))
          .expect(201)
      ).body;
      theirs = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(b.key))
          .send(reportBody({ environment: 'test', title: 'Egen melding', description: 'Fra en annen kommune.' }))
          .expect(201)
      ).body;
    });

    it('lets a consumer read its own report and answers 404 for another consumer', async () => {
      await t.http.get(`/api/v1/reports/${own.id}`).set(bearer(a.key)).expect(200);
      await t.http.get(`/api/v1/reports/${own.id}`).set(bearer(b.key)).expect(404);
    });

    it("lists only the consumer's own reports", async () => {
      const res = await t.http.get('/api/v1/reports').set(bearer(b.key)).expect(200);
      expect(res.body.items.map((r: { id: string }) => r.id)).toEqual([theirs.id]);
      expect(res.body.items.every((r: { consumerId: string }) => r.consumerId === b.id)).toBe(true);
      expect(res.body).toMatchObject({ total: 1, page: 1, perPage: 50 });
    });

    it('pages a consumer through all its reports, newest first, and refuses a page size it does not give', async () => {
      for (const title of ['Andre melding', 'Tredje melding'])
        await t.http
          .post('/api/v1/reports')
          .set(bearer(b.key))
          .send(reportBody({ environment: 'test', title, description: 'Sidevisning.' }))
          .expect(201);
      const page = async (n: number) => (await t.http.get(`/api/v1/reports?perPage=2&page=${n}`).set(bearer(b.key)).expect(200)).body;
      const [first, second, past] = [await page(1), await page(2), await page(3)];
      expect(first).toMatchObject({ total: 3, page: 1, perPage: 2 });
      expect([...first.items, ...second.items].map((r: { title: string }) => r.title)).toEqual([
        'Tredje melding',
        'Andre melding',
        'Egen melding',
      ]);
      expect(past.items).toEqual([]);
      const refused = await t.http.get('/api/v1/reports?perPage=500').set(bearer(b.key)).expect(400);
      expect(refused.body.fields.map((f: { field: string }) => f.field)).toContain('perPage');
    });

    it.each([
      ['GET', '/api/v1/incidents'],
      ['GET', '/api/v1/incidents/:incident'],
      ['GET', '/api/v1/incidents/:incident/summary'],
      ['GET', '/api/v1/incidents/:incident/escalation-preview'],
      ['POST', '/api/v1/incidents/:incident/escalate'],
      ['POST', '/api/v1/incidents/:incident/triage'],
      ['POST', '/api/v1/incidents/:incident/resolve'],
      ['POST', '/api/v1/incidents/:incident/reopen'],
      ['POST', '/api/v1/incidents/:incident/merge'],
      ['POST', '/api/v1/incidents/:incident/split'],
      ['POST', '/api/v1/reports/:report/move'],
      ['POST', '/api/v1/reports/:report/reveal'],
      ['POST', '/api/v1/reports/import'],
      ['GET', '/api/v1/merge-proposals'],
    ])('refuses a consumer key on %s %s', async (method, path) => {
      const url = path.replace(':incident', own.incidentId).replace(':report', own.id);
      const res = method === 'GET' ? await t.http.get(url).set(bearer(b.key)) : await t.http.post(url).set(bearer(b.key)).send({});
      expect([403, 404]).toContain(res.status);
    });

    it('refuses writes to viewers and the reveal to non-security staff', async () => {
      await t.http.post(`/api/v1/incidents/${own.incidentId}/escalate`).set(bearer(viewerToken)).expect(403);
      await t.http.post(`/api/v1/incidents/${own.incidentId}/reopen`).set(bearer(viewerToken)).send({}).expect(403);
      await t.http.post(`/api/v1/reports/${own.id}/reveal`).set(bearer(agentToken)).send({ reason: 'trenger det' }).expect(403);
    });

    it('answers 401 without credentials', async () => {
      await t.http.get(`/api/v1/reports/${own.id}`).expect(401);
      await t.http.post('/api/v1/reports').send(reportBody()).expect(401);
    });
  });
});
