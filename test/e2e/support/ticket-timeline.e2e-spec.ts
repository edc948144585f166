import { nationalId, publishCatalogue, registerConsumer, type RegisteredConsumer, submitChangeRequest } from '../../support/fixtures';
import { reportBody } from '../../support/incident-fixtures';
import { createStaffWithToken, signIn, type StaffBrowser, type StaffWithToken } from '../../support/staff-session';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';

const SERVICE = 'summert-skattegrunnlag';
const SECRET_TITLE = 'Skattegrunnlag vist for feil saksbehandler';

interface Entry {
  id: string;
  at: string;
  source: string;
  linked: { kind: string; reference: string; targetId: string } | null;
  restricted: boolean;
  actorLabel: string | null;
  kind: string;
  details: Record<string, unknown>;
}

/** A ticket's one activity timeline: its own events and those of the reports, incidents, onboarding and change requests it links. */
describe('ticket activity timeline with linked items', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let agent: StaffWithToken;
  let security: StaffWithToken;
  let agentPage: StaffBrowser;
  let ticketId: string;
  let report: { id: string; reference: string; incidentId: string; incidentReference: string };
  let breach: { incidentId: string; incidentReference: string };
  let changeRequest: { id: string; reference: string };
  const timeline = async (token: string): Promise<Entry[]> =>
    (await t.http.get(`/api/v1/tickets/${ticketId}/timeline`).set(bearer(token)).expect(200)).body;
  const link = (kind: string, reference: string) =>
    t.http.post(`/api/v1/tickets/${ticketId}/links`).set(bearer(agent.token)).send({ kind, reference }).expect(200);

  beforeAll(async () => {
    t = await createTestApp();
    await publishCatalogue(t, [SERVICE]);
    a = await registerConsumer(t, 1401, [SERVICE]);
    agent = await createStaffWithToken(t, 'agent', { password: true });
    security = await createStaffWithToken(t, 'security');
    agentPage = await signIn(t, agent.email);

    report = (await t.http.post('/api/v1/reports').set(bearer(a.key)).send(reportBody()).expect(201)).body;
    await t.http.post(`/api/v1/incidents/${report.incidentId}/triage`).set(bearer(agent.token)).send({ severity: 'high' }).expect(200);
    breach = (
      await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(
          reportBody({
            category: 'privacy',
            title: SECRET_TITLE,
            description: `Opplysninger om ${nationalId('010190123')} ble vist uten tjenstlig behov.`,
            httpStatus: null,
            errorCode: null,
          }),
        )
        .expect(201)
    ).body;
    changeRequest = await submitChangeRequest(t, a.key, SERVICE);
    await t.http
      .post(`/api/v1/change-requests/${changeRequest.id}/assessment`)
      .set(bearer(agent.token))
      .send({ status: 'assessing' })
      .expect(200);
    await t.http
      .post(`/api/v1/consumers/${a.id}/onboarding/${SERVICE}/advance`)
      .set(bearer(t.adminToken))
      .send({ to: 'qualified' })
      .expect(200);

    ticketId = (
      await t.http
        .post('/api/v1/tickets')
        .set(bearer(a.key))
        .send({ subject: 'Feil i oppslag', body: 'Vi får 503 på alle oppslag.' })
        .expect(201)
    ).body.id;
    await link('report', report.reference);
    await link('incident', report.incidentReference);
    await link('incident', breach.incidentReference);
    await link('change_request', changeRequest.reference);
    await link('onboarding', a.orgNumber);
  }, 180_000);
  afterAll(() => t?.close());

  it('interleaves the ticket’s own events with the linked items’ by time, each marked with its source and link', async () => {
    const entries = await timeline(agent.token);
    const times = entries.map((e) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    const own = entries.filter((e) => e.source === 'ticket');
    expect(own.map((e) => e.kind)).toEqual(['opened', 'message_added', 'linked', 'linked', 'linked', 'linked', 'linked']);
    expect(own.every((e) => e.linked === null && !e.restricted)).toBe(true);
    // The linked items happened before the ticket was opened: they come first.
    expect(entries[0].source).not.toBe('ticket');

    const of = (source: string, reference: string) =>
      entries.filter((e) => e.source === source && e.linked?.reference === reference).map((e) => ({ kind: e.kind, details: e.details }));
    expect(of('report', report.reference)).toEqual([
      { kind: 'received', details: { channel: 'api' } },
      { kind: 'grouped', details: { action: 'open', incident: report.incidentReference, score: expect.any(Number) } },
    ]);
    expect(of('incident', report.incidentReference)).toEqual([
      { kind: 'opened', details: expect.any(Object) },
      { kind: 'triaged', details: expect.objectContaining({ severity: 'high' }) },
    ]);
    expect(of('change_request', changeRequest.reference)).toEqual([
      { kind: 'submitted', details: {} },
      { kind: 'assessed', details: { from: 'new', to: 'assessing' } },
    ]);
    expect(of('onboarding', a.orgNumber)).toEqual([
      { kind: 'step', details: { serviceCode: SERVICE, step: 'requested', note: null } },
      { kind: 'step', details: { serviceCode: SERVICE, step: 'qualified', note: null } },
    ]);
    const cr = entries.find((e) => e.source === 'change_request')!;
    expect(cr.linked).toEqual({ kind: 'change_request', reference: changeRequest.reference, targetId: changeRequest.id });
    expect(cr.actorLabel).toEqual(expect.any(String));
  });

  it('shows a security case’s events only as having happened to staff who may not read it', async () => {
    const restricted = (await timeline(agent.token)).filter((e) => e.linked?.reference === breach.incidentReference);
    expect(restricted.length).toBeGreaterThan(0);
    expect(restricted.every((e) => e.restricted && e.kind === 'restricted' && e.actorLabel === null)).toBe(true);
    expect(restricted.every((e) => Object.keys(e.details).length === 0)).toBe(true);
    expect(JSON.stringify(restricted)).not.toContain(SECRET_TITLE);

    const readable = (await timeline(security.token)).filter((e) => e.linked?.reference === breach.incidentReference);
    expect(readable.map((e) => e.kind)).toContain('opened');
    expect(readable.every((e) => !e.restricted)).toBe(true);
  });

  it('answers 404 for a ticket that does not exist, as the ticket itself does', async () => {
    const res = await t.http.get('/api/v1/tickets/11111111-1111-4111-8111-111111111111/timeline').set(bearer(t.adminToken)).expect(404);
    expect(res.body.code).toBe('ticket_not_found');
  });

  it('is for staff who handle tickets: a consumer or a viewer gets 403', async () => {
    await t.http.get(`/api/v1/tickets/${ticketId}/timeline`).set(bearer(a.key)).expect(403);
    const viewer = await createStaffWithToken(t, 'viewer');
    await t.http.get(`/api/v1/tickets/${ticketId}/timeline`).set(bearer(viewer.token)).expect(403);
  });

  it('shows the linked items’ events on the ticket page, labelled, linking to them and set apart', async () => {
    const html = (await agentPage.get(`/tickets/${ticketId}`).expect(200)).text;
    expect(html).toContain('Meldingen kom inn (API)');
    expect(html).toContain(`Meldingen åpnet hendelse ${report.incidentReference}`);
    expect(html).toContain('Status endret: Ny → Til vurdering');
    expect(html).toContain(`${SERVICE}: påkoblingen gikk til «Kvalifisert»`);
    expect(html).toContain('Noe skjedde i en sikkerhetssak du ikke har tilgang til å lese.');
    expect(html).not.toContain(SECRET_TITLE);
    expect(html).toContain(`<a class="ds-link" href="/change-requests/${changeRequest.id}">Endringsønske ${changeRequest.reference}</a>`);
    expect(html).toContain(`<a class="ds-link" href="/incidents/${report.incidentId}">Melding ${report.reference}</a>`);
    expect(html).not.toContain(`href="/incidents/${breach.incidentId}">Hendelse`);
    expect(html.match(/class="app-events__linked"/g)?.length).toBeGreaterThanOrEqual(7);
  });
});
