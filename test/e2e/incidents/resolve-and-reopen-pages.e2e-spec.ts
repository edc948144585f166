import { type RegisteredConsumer } from '../../support/fixtures';
import { reportBody, reportingApp } from '../../support/incident-fixtures';
import { createStaffWithPassword, signIn, type StaffBrowser } from '../../support/staff-session';
import { bearer, type TestApp } from '../../support/test-app';

/** Staff resolve an incident and open it again from its page. */
describe('resolving and reopening an incident from its page', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let agent: StaffBrowser;
  let viewer: StaffBrowser;
  let incidentId: string;

  beforeAll(async () => {
    ({ t, a } = await reportingApp());
    await createStaffWithPassword(t, 'agent@ks.example.test', 'agent');
    await createStaffWithPassword(t, 'viewer@ks.example.test', 'viewer');
    [agent, viewer] = [await signIn(t, 'agent@ks.example.test'), await signIn(t, 'viewer@ks.example.test')];
    const report = await t.http
      .post('/api/v1/reports')
      .set(bearer(a.key))
      .send(reportBody({ service: 'inntekt', title: 'Inntekt gir 500', description: 'Alle kall feiler med 500.' }))
      .expect(201);
    incidentId = report.body.incidentId;
  });
  afterAll(() => t?.close());

  const page = async (who: StaffBrowser) => (await who.get(`/incidents/${incidentId}`).expect(200)).text;

  it('offers reopening only once the incident is resolved, and only to those who may resolve', async () => {
    expect(await page(agent)).not.toContain('id="action-reopen"');
    await t.http.post(`/api/v1/incidents/${incidentId}/resolve`).set(bearer(t.adminToken)).send({ message: 'Rettet.' }).expect(200);
    expect(await page(agent)).toContain('id="action-reopen"');
    expect(await page(viewer)).not.toContain('id="action-reopen"');
    await viewer.post(`/incidents/${incidentId}/reopen`, { reason: 'Nei' }).expect(403);
  });

  it('reopens it with the reason in the timeline, says so, and offers resolving again', async () => {
    const res = await agent.post(`/incidents/${incidentId}/reopen`, { reason: 'Kommunen melder at feilen kom tilbake.' }).expect(303);
    expect(res.headers.location).toBe(`/incidents/${incidentId}?done=reopened`);
    const html = (await agent.get(res.headers.location).expect(200)).text;
    expect(html).toContain('Hendelsen er åpnet igjen, og meldingene i den er åpne.');
    expect(html).toContain('Gjenåpnet av KS; status Ny. Begrunnelse: Kommunen melder at feilen kom tilbake.');
    expect(html).toContain('id="action-resolve"');
    expect(html).not.toContain('id="action-reopen"');
  });

  it('shows the refusal at the top when the incident was open already, as the form is not on an open incident', async () => {
    const res = await agent.post(`/incidents/${incidentId}/reopen`, { reason: 'Igjen' }).expect(409);
    expect(res.text).toContain('Hendelsen er ikke løst, så den er allerede åpen.');
  });

  describe("the resolve form's box for a fault on the consumer's side", () => {
    const newIncident = async (title: string) =>
      (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(a.key))
          .send(reportBody({ service: 'inntekt', title, description: `${title}. Tilgang avvist.` }))
          .expect(201)
      ).body.incidentId as string;
    const sideOf = async (incident: string) =>
      (await t.dataSource.query(`SELECT side FROM incident WHERE id = $1`, [incident]))[0].side as string;

    it('opens the side again when staff untick it on an incident triaged local', async () => {
      const incident = await newIncident('Mangler delegering for vår bruker');
      await t.http.post(`/api/v1/incidents/${incident}/triage`).set(bearer(t.adminToken)).send({ side: 'local' }).expect(200);
      expect((await agent.get(`/incidents/${incident}`).expect(200)).text).toContain('name="wasLocal" value="1"');
      await agent.post(`/incidents/${incident}/resolve`, { message: 'Løst hos Skatteetaten.', wasLocal: '1' }).expect(303);
      expect(await sideOf(incident)).toBe('undetermined');
    });

    it('keeps a side someone else set after the form was drawn', async () => {
      const incident = await newIncident('Feil i tilgangsoppsettet hos oss');
      await t.http.post(`/api/v1/incidents/${incident}/triage`).set(bearer(t.adminToken)).send({ side: 'local' }).expect(200);
      // Drawn as local; meanwhile it turns out to be Skatteetaten's.
      await t.http.post(`/api/v1/incidents/${incident}/triage`).set(bearer(t.adminToken)).send({ side: 'ske' }).expect(200);
      await agent.post(`/incidents/${incident}/resolve`, { message: 'Rettet.', wasLocal: '1' }).expect(303);
      expect(await sideOf(incident)).toBe('ske');
    });
  });
});
