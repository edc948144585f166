import { ReadableAuditLog } from '@composition';
import type { StaffPrincipal } from '@domain/shared';

import type { RegisteredConsumer } from '../../support/fixtures';
import { INBOUND_ENV, INBOUND_MAIL_ROLE, sendInbound } from '../../support/inbound-mail';
import { outboxRows, reportBody, reportingApp } from '../../support/incident-fixtures';
import { createStaffWithToken, signIn, type StaffBrowser, type StaffWithToken } from '../../support/staff-session';
import { bearer, type TestApp } from '../../support/test-app';

const BREACH_TITLE = 'Skattegrunnlag lekket til feil saksbehandler';
const BREACH_WORD = 'lekket';
const TRIAGED_TITLE = 'Innsynsloggen viser ukjente oppslag';
const TRIAGED_WORD = 'Innsynsloggen';
const PROPOSAL_REASON = 'teksttreff 0.71 (innsynsloggen, oppslag)';

interface Filed {
  id: string;
  incidentId: string;
  incidentReference: string;
}

/**
 * Every view of a security case, for staff without the security role: the case shows that it
 * exists, never what it holds. Both kinds of case: one a privacy report opened, one staff put on
 * the security side.
 */
describe('security case content on every surface', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let c: RegisteredConsumer;
  let agent: StaffWithToken;
  let security: StaffWithToken;
  let agentBrowser: StaffBrowser;
  let securityBrowser: StaffBrowser;
  let breach: Filed;
  let triaged: Filed;
  let ordinary: Filed;

  const file = async (consumer: RegisteredConsumer, body: Record<string, unknown>): Promise<Filed> =>
    (await t.http.post('/api/v1/reports').set(bearer(consumer.key)).send(reportBody(body)).expect(201)).body;
  const hides = (text: string) => {
    expect(text).not.toContain(BREACH_WORD);
    expect(text).not.toContain(TRIAGED_WORD);
  };

  beforeAll(async () => {
    ({ t, a, b, c } = await reportingApp(INBOUND_ENV, [INBOUND_MAIL_ROLE]));
    // Staff exist before the reports, so they are notified of them.
    agent = await createStaffWithToken(t, 'agent', { email: 'agent-vis@ks.example.test', password: true });
    security = await createStaffWithToken(t, 'security', { email: 'security-vis@ks.example.test', password: true });
    breach = await file(a, {
      category: 'privacy',
      title: BREACH_TITLE,
      description: 'Skattegrunnlaget for en innbygger ble vist for en saksbehandler uten tjenstlig behov.',
      httpStatus: null,
      errorCode: null,
    });
    triaged = await file(b, {
      service: 'inntekt',
      environment: 'test',
      title: TRIAGED_TITLE,
      description: 'Innsynsloggen viser oppslag på innbyggere ingen hos oss har gjort.',
      httpStatus: 200,
      errorCode: null,
    });
    ordinary = await file(c, {
      environment: 'test',
      service: 'skatteoppgjor',
      title: 'Skatteoppgjøret svarer 500',
      errorCode: null,
      httpStatus: 500,
    });
    await t.http.post(`/api/v1/incidents/${triaged.incidentId}/triage`).set(bearer(agent.token)).send({ side: 'security' }).expect(200);
    // The security escalation e-mail goes out (no settle period here).
    await t.http.post(`/api/v1/incidents/${breach.incidentId}/escalate`).set(bearer(security.token)).expect(200);
    await t.dataSource.query(`INSERT INTO merge_proposal (survivor_id, merged_id, score, reasons) VALUES ($1, $2, 0.71, $3)`, [
      ordinary.incidentId,
      triaged.incidentId,
      [PROPOSAL_REASON],
    ]);
    agentBrowser = await signIn(t, agent.email);
    securityBrowser = await signIn(t, security.email);
  });
  afterAll(() => t?.close());

  it('refuses the incident, its reports and the escalation draft of a case staff put on the security side', async () => {
    for (const path of [
      `/api/v1/incidents/${triaged.incidentId}`,
      `/api/v1/reports/${triaged.id}`,
      `/api/v1/incidents/${breach.incidentId}/escalation-preview`,
      `/api/v1/incidents/${triaged.incidentId}/escalation-preview`,
    ]) {
      const res = await t.http.get(path).set(bearer(agent.token));
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'security_case_restricted' });
    }
    await t.http.get(`/api/v1/incidents/${triaged.incidentId}`).set(bearer(security.token)).expect(200);
    await t.http.get(`/api/v1/incidents/${triaged.incidentId}/escalation-preview`).set(bearer(security.token)).expect(200);
    const page = await agentBrowser.get(`/incidents/${triaged.incidentId}/escalate/preview.html`);
    expect(page.status).toBe(403);
    hides(page.text);
  });

  describe('acting on a case staff put on the security side', () => {
    const refused = (res: { status: number; body: { code?: string } }, what: string) =>
      expect({ what, status: res.status, code: res.body.code }).toEqual({ what, status: 403, code: 'security_case_restricted' });
    const stateOf = async (incidentId: string) =>
      (
        await t.dataSource.query(`SELECT status, side, severity, title, assignee_id, merged_into_id FROM incident WHERE id = $1`, [
          incidentId,
        ])
      )[0];

    it('refuses every change, escalation, resolution, regrouping and message to those who may not read it', async () => {
      const before = await stateOf(triaged.incidentId);
      const [proposal] = await t.dataSource.query(`SELECT id FROM merge_proposal WHERE merged_id = $1`, [triaged.incidentId]);
      const api = (path: string, body: object = {}) => t.http.post(path).set(bearer(agent.token)).send(body);
      const incident = `/api/v1/incidents/${triaged.incidentId}`;
      for (const [what, res] of [
        ['triage', await api(`${incident}/triage`, { severity: 'low' })],
        ['assign', await api(`${incident}/assign`, { assigneeId: agent.id })],
        ['escalate', await api(`${incident}/escalate`)],
        ['send now', await api(`${incident}/escalation/send-now`)],
        ['resolve', await api(`${incident}/resolve`, { message: 'Løst hos oss.' })],
        ['split', await api(`${incident}/split`, { reportIds: [triaged.id] })],
        ['merge into it', await api(`/api/v1/incidents/${ordinary.incidentId}/merge`, { otherIncidentId: triaged.incidentId })],
        ['merge it', await api(`${incident}/merge`, { otherIncidentId: ordinary.incidentId })],
        ['move its report', await api(`/api/v1/reports/${triaged.id}/move`, { incidentId: ordinary.incidentId })],
        ['move a report into it', await api(`/api/v1/reports/${ordinary.id}/move`, { incidentId: triaged.incidentId })],
        ['accept the proposal', await api(`/api/v1/merge-proposals/${proposal.id}/accept`)],
        ['reject the proposal', await api(`/api/v1/merge-proposals/${proposal.id}/reject`)],
        ['form: triage', await agentBrowser.post(`/incidents/${triaged.incidentId}/triage`, { severity: 'low' })],
        ['form: note', await agentBrowser.post(`/incidents/${triaged.incidentId}/messages/note`, { body: 'Sett på dette.' })],
        [
          'form: to Skatteetaten',
          await agentBrowser.post(`/incidents/${triaged.incidentId}/messages/skatteetaten`, { body: 'Kan dere se på dette?' }),
        ],
        [
          'form: merge by reference',
          await agentBrowser.post(`/incidents/${ordinary.incidentId}/merge`, { other: ` ${triaged.incidentReference.toLowerCase()} ` }),
        ],
        [
          'form: move into it',
          await agentBrowser.post(`/incidents/${ordinary.incidentId}/reports/${ordinary.id}/move`, { target: triaged.incidentReference }),
        ],
        ['form: accept the proposal', await agentBrowser.post(`/incidents/proposals/${proposal.id}/accept`)],
      ] as const) {
        if (what.startsWith('form: ')) {
          expect({ what, status: res.status }).toEqual({ what, status: 403 });
          hides(res.text);
        } else refused(res, what);
      }
      expect(await stateOf(triaged.incidentId)).toEqual(before);
      expect((await stateOf(ordinary.incidentId)).merged_into_id).toBeNull();
      const [{ status }] = await t.dataSource.query(`SELECT status FROM merge_proposal WHERE id = $1`, [proposal.id]);
      expect(status).toBe('proposed');
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM escalation WHERE incident_id = $1`, [
        triaged.incidentId,
      ]);
      expect(count).toBe(0);
    });

    it('lets the security role act on it', async () => {
      const res = await t.http
        .post(`/api/v1/incidents/${triaged.incidentId}/triage`)
        .set(bearer(security.token))
        .send({ severity: 'medium' })
        .expect(200);
      expect(res.body).toMatchObject({ side: 'security', severity: 'medium', title: TRIAGED_TITLE });
    });

    it('escalates it to the security addresses only, and it stays on the security side', async () => {
      const res = await t.http.post(`/api/v1/incidents/${triaged.incidentId}/escalate`).set(bearer(security.token)).expect(200);
      expect(res.body).toMatchObject({ security: true, to: [expect.stringMatching(/^sikkerhet@/)] });
      expect(await stateOf(triaged.incidentId)).toMatchObject({ side: 'security', status: 'escalated' });
      const [mail] = await outboxRows(t, `template = 'escalation' AND related_id = $1`, [triaged.incidentId]);
      expect(mail.to_addresses).toEqual(res.body.to);
      refused(await t.http.get(`/api/v1/incidents/${triaged.incidentId}`).set(bearer(agent.token)), 'read after escalation');
    });

    it('finds it in the queue by its reference only', async () => {
      const queue = async (token: string, query: string) =>
        (await t.http.get(`/api/v1/incidents?${query}`).set(bearer(token)).expect(200)).body.map((i: { id: string }) => i.id);
      expect(await queue(agent.token, `q=${TRIAGED_WORD}`)).not.toContain(triaged.incidentId);
      expect(await queue(agent.token, `q=${encodeURIComponent('ukjente oppslag')}`)).not.toContain(triaged.incidentId);
      expect(await queue(agent.token, `q=${triaged.incidentReference}`)).toContain(triaged.incidentId);
      expect(await queue(security.token, `q=${TRIAGED_WORD}`)).toContain(triaged.incidentId);
    });

    it('sorts it in the queue as if it had no title', async () => {
      const other = await file(c, {
        environment: 'production',
        service: 'skatteoppgjor',
        title: 'Avregningen feiler med 503',
        description: 'Avregningen feiler for alle oppgjør i dag.',
        errorCode: null,
        httpStatus: 503,
      });
      const order = async (browser: StaffBrowser) => {
        const html = (await browser.get('/incidents?status=all&sort=title&dir=desc').expect(200)).text;
        const queue = html.slice(html.indexOf('id="incident-queue"'));
        const table = queue.slice(0, queue.indexOf('</table>'));
        const [hidden, shown] = [triaged.incidentReference, other.incidentReference].map((reference) => table.indexOf(reference));
        expect(Math.min(hidden, shown)).toBeGreaterThanOrEqual(0);
        return hidden - shown;
      };
      // Descending: «Innsynsloggen …» before «Avregningen …»; a case without a title last.
      expect(await order(securityBrowser)).toBeLessThan(0);
      expect(await order(agentBrowser)).toBeGreaterThan(0);
    });
  });

  describe('merge proposals', () => {
    it('lists a proposal with a security case without the reasons that quote it (API)', async () => {
      const find = async (token: string) =>
        (await t.http.get('/api/v1/merge-proposals').set(bearer(token)).expect(200)).body.find(
          (p: { mergedId: string }) => p.mergedId === triaged.incidentId,
        );
      expect(await find(agent.token)).toMatchObject({ survivorId: ordinary.incidentId, reasons: [] });
      expect(await find(security.token)).toMatchObject({ reasons: [PROPOSAL_REASON] });
      const detail = await t.http.get(`/api/v1/incidents/${ordinary.incidentId}`).set(bearer(agent.token)).expect(200);
      expect(detail.body.proposals).toEqual([expect.objectContaining({ mergedId: triaged.incidentId, reasons: [] })]);
    });

    it('names the case by its reference on the queue and the other incident’s page (HTML)', async () => {
      for (const path of ['/incidents', `/incidents/${ordinary.incidentId}`]) {
        const page = await agentBrowser.get(path).expect(200);
        expect(page.text).toContain(triaged.incidentReference);
        expect(page.text).toContain('Sikkerhetssak (innholdet er skjermet)');
        expect(page.text).not.toContain('innsynsloggen, oppslag');
        hides(page.text);
      }
      const forSecurity = await securityBrowser.get(`/incidents/${ordinary.incidentId}`).expect(200);
      expect(forSecurity.text).toContain(TRIAGED_TITLE);
      expect(forSecurity.text).toContain('innsynsloggen, oppslag');
    });
  });

  describe('sent e-mail', () => {
    const mailAbout = async (token: string) =>
      (await t.http.get('/api/v1/outbox').set(bearer(token)).expect(200)).body.filter(
        (m: { relatedId: string }) => m.relatedId === breach.incidentId || m.relatedId === breach.id,
      );

    it('lists the security escalation and the confirmation of the report without subject, and refuses their content (API)', async () => {
      const forAgent = await mailAbout(agent.token);
      // Skatteetaten's escalation, the municipality's confirmation and its notice that the case was escalated.
      expect(forAgent.map((m: { template: string }) => m.template).sort()).toEqual([
        'escalation',
        'incident-escalated',
        'report-confirmation',
      ]);
      for (const m of forAgent) {
        expect(m).toMatchObject({ restricted: true, subject: '' });
        const one = await t.http.get(`/api/v1/outbox/${m.id}`).set(bearer(agent.token)).expect(403);
        expect(one.body.code).toBe('security_case_restricted');
      }
      const forSecurity = await mailAbout(security.token);
      expect(forSecurity.every((m: { restricted: boolean; subject: string }) => !m.restricted && m.subject)).toBe(true);
      const escalation = forSecurity.find((m: { template: string }) => m.template === 'escalation');
      const full = await t.http.get(`/api/v1/outbox/${escalation.id}`).set(bearer(security.token)).expect(200);
      expect(full.body.text).toContain(BREACH_TITLE);
    });

    it('shows that the e-mail was sent, never what it says (HTML)', async () => {
      const [escalation] = (await mailAbout(agent.token)).filter((m: { template: string }) => m.template === 'escalation');
      const list = await agentBrowser.get('/mail').expect(200);
      expect(list.text).toContain(`href="/mail/${escalation.id}"`);
      hides(list.text);
      for (const path of [`/mail/${escalation.id}`, `/mail/${escalation.id}/html`]) {
        const page = await agentBrowser.get(path).set('Accept', 'text/html');
        expect(page.status).toBe(403);
        hides(page.text);
      }
      const forSecurity = await securityBrowser.get(`/mail/${escalation.id}`).expect(200);
      expect(forSecurity.text).toContain(BREACH_WORD);
      // Mail about an ordinary incident stays readable.
      const ordinaryMail = (await t.http.get('/api/v1/outbox').set(bearer(agent.token)).expect(200)).body.find(
        (m: { relatedId: string }) => m.relatedId === ordinary.id,
      );
      expect(ordinaryMail).toMatchObject({ restricted: false, subject: expect.stringContaining('Skatteoppgjøret svarer 500') });
    });
  });

  it('lists a reply on the security case’s thread as received, its words only for the security role', async () => {
    const [escalation] = await outboxRows(t, `template = 'escalation' AND related_id = $1`, [breach.incidentId]);
    await sendInbound(t, {
      from: escalation.to_addresses[0],
      subject: `SV: ${escalation.subject}`,
      text: 'Vi har stengt tilgangen til saksbehandleren som fikk skattegrunnlaget.',
      inReplyTo: escalation.message_id,
      references: [escalation.message_id],
      messageId: '<svar-sikkerhet@skatteetaten.example.test>',
    });
    const [reply] = await t.dataSource.query(`SELECT id, route_summary FROM inbound_message WHERE message_id = $1`, [
      '<svar-sikkerhet@skatteetaten.example.test>',
    ]);
    expect(reply.route_summary).toBe(`incident:${breach.incidentReference}`);
    const list = await agentBrowser.get('/inbound-mail').expect(200);
    expect(list.text).toContain(`href="/inbound-mail/${reply.id}"`);
    expect(list.text).toContain('Sikkerhetssak (innholdet er skjermet)');
    hides(list.text);
    const one = await agentBrowser.get(`/inbound-mail/${reply.id}`).set('Accept', 'text/html');
    expect(one.status).toBe(403);
    hides(one.text);
    expect((await securityBrowser.get(`/inbound-mail/${reply.id}`).expect(200)).text).toContain('stengt tilgangen');
  });

  describe('audit log', () => {
    it('is for the security role and administrators, who read every entry in full', async () => {
      await agentBrowser.get('/audit').set('Accept', 'text/html').expect(403);
      const page = await securityBrowser.get(`/audit?objectType=incident&objectId=${triaged.incidentId}`).expect(200);
      expect(page.text).toContain(TRIAGED_WORD);
    });

    it('leaves out the details of entries about a security case for a reader who may not read it', async () => {
      const reader: StaffPrincipal = { kind: 'staff', id: agent.id, email: agent.email, name: 'agent', role: 'agent', via: 'token' };
      const entries = async (objectId: string, who: StaffPrincipal) =>
        (await t.get(ReadableAuditLog).page(who, { objectType: 'incident', objectId }, { limit: 50 })).items;
      const hidden = await entries(triaged.incidentId, reader);
      expect(hidden.length).toBeGreaterThan(0);
      expect(hidden.every((e) => e.restricted && Object.keys(e.details).length === 0)).toBe(true);
      const full = await entries(triaged.incidentId, { ...reader, role: 'security' });
      expect(JSON.stringify(full.map((e) => e.details))).toContain(TRIAGED_WORD);
      // An ordinary incident's entries keep their details.
      const open = await t.http.post(`/api/v1/incidents/${ordinary.incidentId}/triage`).set(bearer(agent.token)).send({ severity: 'low' });
      expect(open.status).toBe(200);
      expect((await entries(ordinary.incidentId, reader)).some((e) => !e.restricted && Object.keys(e.details).length > 0)).toBe(true);
    });
  });

  it('leaves security cases out of the header search for those who may not read them', async () => {
    for (const [word, title] of [
      [BREACH_WORD, BREACH_TITLE],
      [TRIAGED_WORD, TRIAGED_TITLE],
    ]) {
      // The page repeats the words searched for; the case's title is what must not show.
      const forAgent = await agentBrowser.get(`/search?q=${encodeURIComponent(word)}`).expect(200);
      expect(forAgent.text).not.toContain(title);
      const forSecurity = await securityBrowser.get(`/search?q=${encodeURIComponent(word)}`).expect(200);
      expect(forSecurity.text).toContain(title);
    }
  });

  it('tells an agent that a security case opened, and only the security role what it is', async () => {
    const agentList = await agentBrowser.get('/notifications').expect(200);
    expect(agentList.text).toContain('Ny sikkerhetssak (innholdet er skjermet)');
    expect(agentList.text).toContain(breach.incidentReference);
    hides(agentList.text);
    const securityList = await securityBrowser.get('/notifications').expect(200);
    expect(securityList.text).toContain(BREACH_TITLE);
  });

  it('keeps the content off the consumer’s report list, the dashboards and the overview', async () => {
    for (const path of [`/consumers/${a.id}/reports`, `/consumers/${b.id}/reports`, '/statistics', '/']) {
      const page = await agentBrowser.get(path).expect(200);
      hides(page.text);
    }
    const consumerPage = await agentBrowser.get(`/consumers/${a.id}/reports`).expect(200);
    expect(consumerPage.text).toContain('Sikkerhetssak (innholdet er skjermet)');
    expect((await securityBrowser.get(`/consumers/${a.id}/reports`).expect(200)).text).toContain(BREACH_TITLE);
  });

  it('refuses the incident page and its timeline of a case staff put on the security side (HTML)', async () => {
    const page = await agentBrowser.get(`/incidents/${triaged.incidentId}`).set('Accept', 'text/html');
    expect(page.status).toBe(403);
    hides(page.text);
    const forSecurity = await securityBrowser.get(`/incidents/${triaged.incidentId}`).expect(200);
    expect(forSecurity.text).toContain(TRIAGED_TITLE);
  });
});
