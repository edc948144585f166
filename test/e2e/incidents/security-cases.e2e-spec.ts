import { WarnSecurityDeadlines } from '@domain/incidents';
import { SecurityCase } from '@domain/incidents/security-case.entity';

import { nationalId, type RegisteredConsumer } from '../../support/fixtures';
import { outboxRows, reportBody, reportingApp } from '../../support/incident-fixtures';
import { createStaffWithPassword, createStaffWithToken, signIn, type StaffWithToken } from '../../support/staff-session';
import { bearer, type TestApp } from '../../support/test-app';

const HOUR = 3_600_000;

/** The security track: a case with a 72-hour clock, a checklist, warnings, visibility by role and the evidence export. */
describe('security cases', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let agent: StaffWithToken;
  let viewer: StaffWithToken;
  let security: StaffWithToken;
  let breach: { id: string; incidentId: string; incidentReference: string; receivedAt: string };

  beforeAll(async () => {
    ({ t, a, b } = await reportingApp());
    agent = await createStaffWithToken(t, 'agent');
    viewer = await createStaffWithToken(t, 'viewer');
    security = await createStaffWithToken(t, 'security');
    breach = (
      await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(
          reportBody({
            category: 'privacy',
            title: 'Skattegrunnlag sendt til feil saksbehandler',
            description: `Opplysninger om ${nationalId('010190123')} ble vist for en saksbehandler uten tjenstlig behov.`,
            httpStatus: null,
            errorCode: null,
          }),
        )
        .expect(201)
    ).body;
  });
  afterAll(() => t?.close());

  const warn = (at: Date) => t.get(WarnSecurityDeadlines).execute(at);
  const receivedAt = () => new Date(breach.receivedAt);

  it('goes on past a case that a merge moved after the warning pass listed it', async () => {
    const cases = t.get(WarnSecurityDeadlines)['cases'];
    const open = cases.open.bind(cases);
    const moved = Object.assign(new SecurityCase(), {
      id: '00000000-0000-4000-8000-000000000001',
      incidentId: '00000000-0000-4000-8000-000000000002',
      receivedAt: new Date(receivedAt().getTime() - 100 * HOUR),
      checklist: {},
      warningsSent: [],
    });
    jest.spyOn(cases, 'open').mockImplementationOnce(async () => [{ case: moved, critical: false }, ...(await open())]);
    await expect(warn(receivedAt())).resolves.toBe(0);
  });

  it('opens a case with a 72-hour clock from when the report reached KS', async () => {
    const res = await t.http.get(`/api/v1/security-cases/${breach.incidentId}`).set(bearer(security.token)).expect(200);
    expect(res.body).toMatchObject({
      reference: breach.incidentReference,
      receivedAt: breach.receivedAt,
      deadline: new Date(receivedAt().getTime() + 72 * HOUR).toISOString(),
      state: 'running',
      readable: true,
      complete: false,
      required: ['municipalityInformed', 'containment'],
    });
    expect(res.body.reports.map((r: { id: string }) => r.id)).toEqual([breach.id]);
  });

  describe('visibility by role', () => {
    it.each([
      ['agent', () => agent.token],
      ['viewer', () => viewer.token],
    ])('shows %s that the case exists and its deadline, never its content', async (_role, token) => {
      const list = await t.http.get('/api/v1/security-cases').set(bearer(token())).expect(200);
      const row = list.body.find((c: { incidentId: string }) => c.incidentId === breach.incidentId);
      expect(row).toMatchObject({ reference: breach.incidentReference, readable: false, state: 'running' });
      expect(row.title).toBeUndefined();
      expect(JSON.stringify(list.body)).not.toContain('Skattegrunnlag sendt');
      const one = await t.http.get(`/api/v1/security-cases/${breach.incidentId}`).set(bearer(token())).expect(403);
      expect(one.body.code).toBe('security_case_restricted');
      await t.http.get(`/api/v1/security-cases/${breach.incidentId}/evidence`).set(bearer(token())).expect(403);
      await t.http
        .post(`/api/v1/security-cases/${breach.incidentId}/checklist`)
        .set(bearer(token()))
        .send({ item: 'municipalityInformed' })
        .expect(403);
    });

    it.each([
      ['security', () => security.token],
      ['admin', () => t.adminToken],
    ])('shows %s the content', async (_role, token) => {
      const list = await t.http.get('/api/v1/security-cases').set(bearer(token())).expect(200);
      expect(list.body.find((c: { incidentId: string }) => c.incidentId === breach.incidentId)).toMatchObject({
        readable: true,
        title: 'Skattegrunnlag sendt til feil saksbehandler',
      });
    });

    it("keeps the incident's own views to security and admin as well", async () => {
      for (const token of [agent.token, viewer.token]) {
        for (const path of [
          `/api/v1/incidents/${breach.incidentId}`,
          `/api/v1/incidents/${breach.incidentId}/summary`,
          `/api/v1/reports/${breach.id}`,
        ]) {
          const res = await t.http.get(path).set(bearer(token)).expect(403);
          expect(res.body.code).toBe('security_case_restricted');
        }
      }
      await t.http.get(`/api/v1/incidents/${breach.incidentId}`).set(bearer(security.token)).expect(200);
      await t.http.get(`/api/v1/reports/${breach.id}`).set(bearer(t.adminToken)).expect(200);
      // The municipality still reads its own report.
      await t.http.get(`/api/v1/reports/${breach.id}`).set(bearer(a.key)).expect(200);
    });

    it('lists the case in the incident queue without its title or error codes for those who may not read it', async () => {
      const row = async (token: string) =>
        (await t.http.get('/api/v1/incidents').set(bearer(token)).expect(200)).body.find((i: { id: string }) => i.id === breach.incidentId);
      for (const token of [agent.token, viewer.token])
        expect(await row(token)).toMatchObject({ restricted: true, title: '', errorCodes: [] });
      expect(await row(security.token)).toMatchObject({ restricted: false, title: 'Skattegrunnlag sendt til feil saksbehandler' });
      await createStaffWithPassword(t, 'agent-queue@ks.example.test', 'agent');
      const queue = await (await signIn(t, 'agent-queue@ks.example.test')).get('/incidents').expect(200);
      expect(queue.text).toContain(breach.incidentReference);
      expect(queue.text).toContain('Sikkerhetssak (innholdet er skjermet)');
      expect(queue.text).not.toContain('Skattegrunnlag sendt');
    });

    it('shows the incident page to the security role and refuses it to an agent', async () => {
      await createStaffWithPassword(t, 'agent-page@ks.example.test', 'agent');
      await createStaffWithPassword(t, 'security-page@ks.example.test', 'security');
      const agentBrowser = await signIn(t, 'agent-page@ks.example.test');
      const refused = await agentBrowser.get(`/incidents/${breach.incidentId}`).set('Accept', 'text/html').expect(403);
      expect(refused.text).not.toContain('Skattegrunnlag sendt');
      const securityBrowser = await signIn(t, 'security-page@ks.example.test');
      const page = await securityBrowser.get(`/incidents/${breach.incidentId}`).set('Accept', 'text/html').expect(200);
      expect(page.text).toContain('Skattegrunnlag sendt til feil saksbehandler');
    });

    it('is not for consumers', async () => {
      await t.http.get('/api/v1/security-cases').set(bearer(b.key)).expect(403);
      await t.http.get(`/api/v1/security-cases/${breach.incidentId}`).set(bearer(a.key)).expect(403);
    });
  });

  describe('the clock and its warnings', () => {
    const sentWarnings = () => outboxRows(t, `template = 'security-deadline'`);

    it('warns the security role once at 24 hours left and once at 6, in calendar time, saying the hours left', async () => {
      const at = (hoursAfter: number) => new Date(receivedAt().getTime() + hoursAfter * HOUR);
      expect(await warn(at(47.9))).toBe(0);
      // The worker looks an hour and a half after the threshold passed: the warning says what is left.
      expect(await warn(at(49.5))).toBe(1);
      expect(await warn(at(50))).toBe(0);
      let mail = await sentWarnings();
      const securityRole = (await t.dataSource.query(`SELECT email FROM staff_user WHERE role = 'security' ORDER BY email`)).map(
        (u: { email: string }) => u.email,
      );
      expect(securityRole).toContain(security.email);
      expect(mail.flatMap((m) => m.to_addresses).sort()).toEqual(securityRole);
      expect(mail.every((m) => m.subject === mail[0].subject)).toBe(true);
      expect(mail[0].subject).toBe(`Sikkerhetssak ${breach.incidentReference}: 22 timer igjen av fristen på 72 timer`);
      expect(mail[0].text).toMatch(/går ut \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\./);
      expect(mail[0].text).toContain(`/security-cases/${breach.incidentId}`);
      // Never the case's words or the identity number.
      expect(mail[0].text).not.toContain('saksbehandler');
      expect(await warn(at(66))).toBe(1);
      expect(await warn(at(80))).toBe(0);
      mail = await sentWarnings();
      expect([...new Set(mail.map((m) => m.subject))]).toEqual([
        `Sikkerhetssak ${breach.incidentReference}: 22 timer igjen av fristen på 72 timer`,
        `Sikkerhetssak ${breach.incidentReference}: 6 timer igjen av fristen på 72 timer`,
      ]);
      const overdue = await t.http.get('/api/v1/security-cases').set(bearer(viewer.token)).expect(200);
      expect(overdue.body.find((c: { incidentId: string }) => c.incidentId === breach.incidentId).state).toBe('running');
    });
  });

  describe('the checklist', () => {
    it('refuses a call to Skatteetaten without whom and when, naming the fields, and changes nothing', async () => {
      const res = await t.http
        .post(`/api/v1/security-cases/${breach.incidentId}/checklist`)
        .set(bearer(security.token))
        .send({ item: 'skeCalled', calledAt: 'i går' })
        .expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['calledAt', 'calledName']);
      const now = await t.http.get(`/api/v1/security-cases/${breach.incidentId}`).set(bearer(security.token)).expect(200);
      expect(now.body.checklist).toEqual({});
    });

    it('records each item with who and when, and completes the case', async () => {
      const calledAt = new Date(Date.now() - 60_000).toISOString();
      await t.http
        .post(`/api/v1/security-cases/${breach.incidentId}/checklist`)
        .set(bearer(security.token))
        .send({ item: 'skeCalled', calledName: 'Vakthavende i Skatteetaten', calledAt })
        .expect(200);
      await t.http
        .post(`/api/v1/security-cases/${breach.incidentId}/checklist`)
        .set(bearer(security.token))
        .send({ item: 'municipalityInformed' })
        .expect(200);
      const done = await t.http
        .post(`/api/v1/security-cases/${breach.incidentId}/checklist`)
        .set(bearer(t.adminToken))
        .send({ item: 'containment', text: 'Tilgangen til saksbehandleren er stengt.' })
        .expect(200);
      expect(done.body).toMatchObject({
        complete: true,
        state: 'done',
        checklist: {
          skeCalled: { calledName: 'Vakthavende i Skatteetaten', calledAt, by: security.email },
          municipalityInformed: { by: security.email },
          containment: { text: 'Tilgangen til saksbehandleren er stengt.' },
        },
      });
    });
  });

  it('exports the evidence: timeline, decisions, checklist and who read the original personal data', async () => {
    await t.http
      .post(`/api/v1/reports/${breach.id}/reveal`)
      .set(bearer(security.token))
      .send({ reason: 'Kommunen trenger fødselsnummeret til avviksmeldingen' })
      .expect(200);
    const res = await t.http.get(`/api/v1/security-cases/${breach.incidentId}/evidence`).set(bearer(security.token)).expect(200);
    expect(res.body.personalDataRevealed).toEqual([
      expect.objectContaining({
        actorLabel: security.email,
        report: (await t.dataSource.query(`SELECT reference FROM report WHERE id = $1`, [breach.id]))[0].reference,
        reason: 'Kommunen trenger fødselsnummeret til avviksmeldingen',
      }),
    ]);
    const kinds = res.body.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds.slice(0, 2)).toEqual(['opened', 'report_received']);
    expect(kinds.filter((k: string) => k === 'security_step')).toHaveLength(3);
    expect(res.body.checklist.municipalityInformed).toBeDefined();
    // The masked text, never the identity number itself.
    expect(JSON.stringify(res.body)).not.toContain(nationalId('010190123'));
  });

  it('opens a case when staff move an ordinary incident to the security side', async () => {
    const ordinary = (
      await t.http
        .post('/api/v1/reports')
        .set(bearer(b.key))
        .send(reportBody({ environment: 'test' }))
        .expect(201)
    ).body;
    await t.http.get(`/api/v1/security-cases/${ordinary.incidentId}`).set(bearer(security.token)).expect(404);
    // null is not a side: 400 naming it, and the incident keeps its side.
    const nulled = await t.http.post(`/api/v1/incidents/${ordinary.incidentId}/triage`).set(bearer(agent.token)).send({ side: null });
    expect(nulled.status).toBe(400);
    expect(JSON.stringify(nulled.body)).toContain('side');
    expect((await t.dataSource.query('SELECT side FROM incident WHERE id = $1', [ordinary.incidentId]))[0].side).not.toBeNull();
    await t.http.post(`/api/v1/incidents/${ordinary.incidentId}/triage`).set(bearer(agent.token)).send({ side: 'security' }).expect(200);
    const res = await t.http.get(`/api/v1/security-cases/${ordinary.incidentId}`).set(bearer(security.token)).expect(200);
    expect(res.body.receivedAt).toBe(ordinary.receivedAt);
  });

  describe('pages', () => {
    it('lists every case with its deadline, the content only for the security role', async () => {
      const securityBrowser = await signIn(t, 'security-page@ks.example.test');
      const agentBrowser = await signIn(t, 'agent-page@ks.example.test');
      const forSecurity = await securityBrowser.get('/security-cases').expect(200);
      expect(forSecurity.text).toContain(`href="/security-cases/${breach.incidentId}"`);
      expect(forSecurity.text).toContain('Skattegrunnlag sendt til feil saksbehandler');
      const forAgent = await agentBrowser.get('/security-cases').expect(200);
      expect(forAgent.text).toContain(breach.incidentReference);
      expect(forAgent.text).toContain('Bare sikkerhetsrollen og administratorer kan se innholdet.');
      expect(forAgent.text).not.toContain('Skattegrunnlag sendt');
      await agentBrowser.get(`/security-cases/${breach.incidentId}`).set('Accept', 'text/html').expect(403);
    });

    it('records a checklist item from the case page, and shows a mistake beside the form', async () => {
      const ordinary = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(b.key))
          .send(reportBody({ category: 'security', environment: 'test' }))
          .expect(201)
      ).body;
      const browser = await signIn(t, 'security-page@ks.example.test');
      const page = await browser.get(`/security-cases/${ordinary.incidentId}`).expect(200);
      expect(page.text).toContain('Frist (72 timer)');
      const failed = await browser.post(`/security-cases/${ordinary.incidentId}/checklist`, { item: 'containment', text: '' }).expect(400);
      expect(failed.text).toContain('<a class="ds-link" href="#containment-text">Hva ble gjort: Skriv hva som ble gjort');
      const recorded = await browser
        .post(`/security-cases/${ordinary.incidentId}/checklist`, { item: 'containment', text: 'API-nøkkelen er trukket tilbake.' })
        .expect(303);
      expect(recorded.headers.location).toBe(`/security-cases/${ordinary.incidentId}?done=recorded`);
      const after = await browser.get(recorded.headers.location).expect(200);
      expect(after.text).toContain('Sjekklisten er oppdatert.');
      expect(after.text).toContain('API-nøkkelen er trukket tilbake.');
    });

    it('prints the evidence with the timeline in words and who saw the personal data', async () => {
      const browser = await signIn(t, 'security-page@ks.example.test');
      const page = await browser.get(`/security-cases/${breach.incidentId}/evidence`).expect(200);
      expect(page.text).toContain(`Dokumentasjon for sikkerhetssak ${breach.incidentReference}`);
      expect(page.text).toContain('Kommunen trenger fødselsnummeret til avviksmeldingen');
      expect(page.text).toContain('Kommunen er kjent med plikten til å melde avviket til Datatilsynet innen 72 timer');
      expect(page.text).not.toContain(nationalId('010190123'));
    });
  });
});
