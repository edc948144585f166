import { type RegisteredConsumer } from '../../support/fixtures';
import { reportBody, reportingApp } from '../../support/incident-fixtures';
import { createStaffWithPassword, signIn, type StaffBrowser } from '../../support/staff-session';
import { bearer, type TestApp } from '../../support/test-app';

/** Staff open a resolved incident again from its page. */
describe('reopening an incident from its page', () => {
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
});
