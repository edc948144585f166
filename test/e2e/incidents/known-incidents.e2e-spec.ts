import { findNationalIdentityNumbers } from '@domain/shared';

import { publishCatalogue, registerConsumer, type RegisteredConsumer } from '../../support/fixtures';
import { INCIDENT_SERVICES, outboxRows, reportBody } from '../../support/incident-fixtures';
import { SmtpCapture } from '../../support/smtp-capture';
import {
  cookieHeader,
  createStaffWithPassword,
  createStaffWithToken,
  formCsrf,
  openForm,
  setCookieLine,
  signIn,
  usePortalLink,
} from '../../support/staff-session';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';

const OUTAGE = {
  service: 'skatteoppgjor',
  errorCode: 'SO-504',
  httpStatus: 504,
};
const outage = (i: number) =>
  reportBody({
    ...OUTAGE,
    title: `Skatteoppgjør svarer 504 timeout (${i})`,
    description: 'Gateway timeout 504 fra skatteoppgjør på alle oppslag.',
  });

/**
 * "Kjent feil": a municipality is told of a problem KS already knows of on its service and can
 * say it is affected too (API and portal), once; reporters hear when KS escalates.
 */
describe('known incidents', () => {
  const smtp = new SmtpCapture();
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let c: RegisteredConsumer;
  let d: RegisteredConsumer;
  let agentToken: string;
  let incidentId: string;
  let reference: string;

  const reportsIn = async (id: string, consumerId: string) =>
    Number(
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM report WHERE incident_id = $1 AND consumer_id = $2`, [id, consumerId]))[0]
        .n,
    );

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp({ SMTP_URL: smtp.url });
    await publishCatalogue(t, INCIDENT_SERVICES);
    [a, b, c, d] = [
      await registerConsumer(t, 101, INCIDENT_SERVICES),
      await registerConsumer(t, 202, INCIDENT_SERVICES),
      await registerConsumer(t, 303, INCIDENT_SERVICES),
      await registerConsumer(t, 404, INCIDENT_SERVICES),
    ];
    agentToken = (await createStaffWithToken(t, 'agent')).token;
    const first = (await t.http.post('/api/v1/reports').set(bearer(a.key)).send(outage(1)).expect(201)).body;
    expect(first.knownIncident).toBeNull();
    const second = (await t.http.post('/api/v1/reports').set(bearer(b.key)).send(outage(2)).expect(201)).body;
    expect(second.incidentId).toBe(first.incidentId);
    [incidentId, reference] = [first.incidentId, first.incidentReference];
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  describe('through the API', () => {
    it('answers a report on the service with the known incident: reference, the service as title, count, status', async () => {
      const receipt = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(c.key))
          .send(
            reportBody({
              ...OUTAGE,
              title: 'Treg respons',
              description: 'Noe er rart med svarene i dag.',
              httpStatus: 200,
              errorCode: null,
            }),
          )
          .expect(201)
      ).body;
      expect(receipt.knownIncident).toEqual({
        id: incidentId,
        reference,
        title: 'Tjeneste skatteoppgjor',
        status: 'new',
        escalated: false,
        affectedCount: receipt.incidentId === incidentId ? 3 : 2,
        affected: receipt.incidentId === incidentId,
      });
      // Nothing of the other municipalities' reports: not their names, not their words (the id left
      // out, as a random UUID may hold «504»).
      expect(JSON.stringify({ ...receipt.knownIncident, id: undefined })).not.toMatch(/Kommune|timeout|504/);
    });

    it('joins exactly that incident once: 201, then the same report with 200', async () => {
      const before = await reportsIn(incidentId, d.id);
      expect(before).toBe(0);
      const joined = await t.http.post(`/api/v1/incidents/${reference}/affected`).set(bearer(d.key)).send({}).expect(201);
      expect(joined.body).toMatchObject({ joined: true, incident: { reference, affected: true } });
      const count = joined.body.incident.affectedCount;
      const again = await t.http.post(`/api/v1/incidents/${incidentId}/affected`).set(bearer(d.key)).send({ title: 'Igjen' }).expect(200);
      expect(again.body).toMatchObject({ joined: false, reportId: joined.body.reportId, incident: { affectedCount: count } });
      // The report added is at its own address; the answer that created nothing names none.
      expect(joined.headers.location).toBe(`/api/v1/reports/${joined.body.reportId}`);
      expect(again.headers.location).toBeUndefined();
      expect(await reportsIn(incidentId, d.id)).toBe(1);
      const [report] = await t.dataSource.query(`SELECT title, channel, pinned, match FROM report WHERE id = $1`, [joined.body.reportId]);
      expect(report).toMatchObject({ title: `Vi er også berørt av ${reference}`, channel: 'api', pinned: true });
      expect(report.match.by).toBe('manual');
      const audit = await t.dataSource.query(
        `SELECT actor_kind FROM audit_entry WHERE action = 'incident.consumer_joined' AND object_id = $1`,
        [incidentId],
      );
      expect(audit).toEqual([{ actor_kind: 'consumer' }]);
    });

    it('does not let a municipality join what only one other municipality reported, or what does not exist', async () => {
      const lone = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(a.key))
          .send(reportBody({ service: 'inntekt', title: 'Mangler delegering i Altinn', description: 'Vi har glemt delegeringen.' }))
          .expect(201)
      ).body;
      const res = await t.http.post(`/api/v1/incidents/${lone.incidentReference}/affected`).set(bearer(b.key)).send({}).expect(404);
      expect(res.body.code).toBe('incident_not_found');
      await t.http.post('/api/v1/incidents/KS-1999-0001/affected').set(bearer(b.key)).send({}).expect(404);

      // Resolved, it is still nothing to another municipality (its reference is not confirmed to it); its reporter is told.
      await t.http
        .post(`/api/v1/incidents/${lone.incidentId}/resolve`)
        .set(bearer(agentToken))
        .send({ message: 'Løst lokalt.' })
        .expect(200);
      for (const key of [lone.incidentReference, lone.incidentId]) {
        const other = await t.http.post(`/api/v1/incidents/${key}/affected`).set(bearer(b.key)).send({}).expect(404);
        expect(other.body.code).toBe('incident_not_found');
        expect(JSON.stringify(other.body)).not.toContain(lone.incidentReference);
      }
      const own = await t.http.post(`/api/v1/incidents/${lone.incidentReference}/affected`).set(bearer(a.key)).send({}).expect(409);
      expect(own.body.code).toBe('incident_resolved');
    });
  });

  describe('when KS escalates', () => {
    it('writes to each reporter once, with the public title and their own reports, and not again', async () => {
      await t.http.post(`/api/v1/incidents/${incidentId}/escalate`).set(bearer(agentToken)).expect(200);
      await t.http.post(`/api/v1/incidents/${incidentId}/escalate`).set(bearer(agentToken)).expect(200);
      const rows = await outboxRows(t, `template = 'incident-escalated' AND related_id = $1`, [incidentId]);
      const recipients = rows.flatMap((r) => r.to_addresses).sort();
      expect(recipients).toEqual([...new Set(recipients)]);
      expect(recipients).toEqual(expect.arrayContaining([a.emails[0], b.emails[0], d.emails[0]]));
      // Professional contacts did not report anything.
      expect(recipients).not.toContain(a.emails[1]);

      smtp.messages.length = 0;
      await t.deliverMail();
      const toA = smtp.messages.filter((m) => m.envelopeTo.includes(a.emails[0]) && m.parsed.subject?.startsWith('Meldt til Skatteetaten'));
      expect(toA.map((m) => m.parsed.subject)).toEqual([`Meldt til Skatteetaten: Tjeneste skatteoppgjor (${reference})`]);
      expect(toA[0].parsed.text).toContain('KS har meldt feilen videre til Skatteetaten.');
      expect(toA[0].parsed.text).toMatch(/Meldingen deres: M-\d{4}-\d+\n/);
      expect(toA[0].parsed.text).not.toContain('Kommune 202');
      for (const m of smtp.messages) expect(findNationalIdentityNumbers(m.raw)).toEqual([]);
    });

    it('now tells a municipality writing about the service that KS has reported it', async () => {
      const receipt = (await t.http.post('/api/v1/reports').set(bearer(c.key)).send(outage(3)).expect(201)).body;
      expect(receipt.knownIncident).toMatchObject({ reference, escalated: true, status: 'escalated' });
    });

    it('keeps the first report’s words from other municipalities, and a colleague’s case number, when staff save only a severity on the page', async () => {
      await createStaffWithPassword(t, 'triage@ks.example.test', 'agent');
      const page = await signIn(t, 'triage@ks.example.test');
      const form = /<form method="post" action="\/incidents\/[^"]+\/triage"[^]*?<\/form>/.exec(
        (await page.get(`/incidents/${incidentId}`).expect(200)).text,
      )![0];
      const shown = Object.fromEntries(
        [...form.matchAll(/<input type="hidden" name="(current[A-Za-z]+)" value="([^"]*)">/g)].map(([, name, value]) => [name, value]),
      );
      expect(shown.currentTitle).toBe('Skatteoppgjør svarer 504 timeout (1)');
      // Meanwhile a colleague enters Skatteetaten's case number.
      await t.http
        .post(`/api/v1/incidents/${incidentId}/triage`)
        .set(bearer(agentToken))
        .send({ skeCaseReference: 'SKE-2026-77' })
        .expect(200);
      await page
        .post(`/incidents/${incidentId}/triage`, {
          ...shown,
          side: shown.currentSide,
          severity: 'high',
          title: shown.currentTitle,
          skeCaseReference: shown.currentSkeCaseReference,
        })
        .expect(303);
      const incident = (await t.http.get(`/api/v1/incidents/${incidentId}`).set(bearer(agentToken)).expect(200)).body;
      expect(incident).toMatchObject({ severity: 'high', skeCaseReference: 'SKE-2026-77', title: 'Skatteoppgjør svarer 504 timeout (1)' });
      const receipt = (await t.http.post('/api/v1/reports').set(bearer(c.key)).send(outage(5)).expect(201)).body;
      expect(receipt.knownIncident).toMatchObject({ reference, title: 'Tjeneste skatteoppgjor' });
    });

    it('names the incident by the title KS gave it once staff set one', async () => {
      await t.http
        .post(`/api/v1/incidents/${incidentId}/triage`)
        .set(bearer(agentToken))
        .send({ title: 'Tidsavbrudd i skatteoppgjøret' })
        .expect(200);
      const receipt = (await t.http.post('/api/v1/reports').set(bearer(a.key)).send(outage(4)).expect(201)).body;
      expect(receipt.knownIncident).toMatchObject({ reference, title: 'Tidsavbrudd i skatteoppgjøret', affected: true });
    });
  });

  describe('pages', () => {
    async function portalSession(consumer: RegisteredConsumer) {
      const form = await openForm(t, '/portal/login');
      await t.http
        .post('/portal/login')
        .set('Cookie', cookieHeader(form.cookies))
        .type('form')
        .send({ _csrf: form.csrf, email: consumer.emails[0] })
        .expect(200);
      const [row] = await t.dataSource.query(
        `SELECT text FROM outbox_message WHERE template = 'portal-sign-in' AND $1 = ANY(to_addresses) ORDER BY created_at DESC LIMIT 1`,
        [consumer.emails[0]],
      );
      const link = new URL(/https?:\/\/\S+\/portal\/login\/\S+/.exec(row.text)![0]).pathname;
      const cookie = setCookieLine(await usePortalLink(t, link), 'sd_portal')!.split(';')[0];
      return cookie;
    }

    it('shows the known problem on the portal check step and joins it once with "Vi er også berørt"', async () => {
      const e = await registerConsumer(t, 505, INCIDENT_SERVICES);
      const cookie = await portalSession(e);
      const page = await t.http.get('/portal/reports/new').set('Cookie', cookie).expect(200);
      const form = {
        _csrf: formCsrf(page.text),
        service: 'skatteoppgjor',
        environment: 'production',
        category: 'incident',
        title: 'Får ikke hentet skatteoppgjøret',
        description: 'Oppslagene våre feiler.',
        hasWorkedBefore: 'yes',
        submissionId: '11111111-1111-4111-8111-111111111111',
      };
      const check = await t.http.post('/portal/reports/new/check').set('Cookie', cookie).type('form').send(form).expect(200);
      expect(check.text).toContain(`KS har meldt dette til Skatteetaten (${reference})`);
      expect(check.text).toContain(`formaction="/portal/reports/known/${incidentId}/affected"`);
      expect(check.text).not.toContain('Kommune 101');

      const first = await t.http
        .post(`/portal/reports/known/${incidentId}/affected`)
        .set('Cookie', cookie)
        .type('form')
        .send(form)
        .expect(303);
      expect(first.headers.location).toMatch(/\/portal\/reports\/[0-9a-f-]{36}\?joined=new$/);
      const shown = await t.http.get(first.headers.location).set('Cookie', cookie).expect(200);
      expect(shown.text).toContain(`Dere er registrert som berørt av ${reference}.`);
      const second = await t.http
        .post(`/portal/reports/known/${incidentId}/affected`)
        .set('Cookie', cookie)
        .type('form')
        .send({ ...form, submissionId: '22222222-2222-4222-8222-222222222222' })
        .expect(303);
      expect(second.headers.location).toBe(first.headers.location.replace('joined=new', 'joined=already'));
      expect(await reportsIn(incidentId, e.id)).toBe(1);
    });

    it('speaks of the municipality, not to it, when staff register its report on the known problem', async () => {
      const e = await registerConsumer(t, 707, INCIDENT_SERVICES);
      await createStaffWithPassword(t, 'agent.kjent@ks.example.test', 'agent');
      const agent = await signIn(t, 'agent.kjent@ks.example.test');
      const check = await agent
        .post('/incidents/reports/new/check', {
          consumerId: e.id,
          channel: 'phone',
          reporterName: 'Per Telefon',
          hasWorkedBefore: 'yes',
          service: 'skatteoppgjor',
          environment: 'production',
          category: 'incident',
          title: 'Får ikke hentet skatteoppgjøret',
          description: 'Kommunen ringte: oppslagene feiler.',
        })
        .expect(200);
      expect(check.text).toContain(`KS har meldt dette til Skatteetaten (${reference})`);
      expect(check.text).toContain('Kommunen er også berørt');
      expect(check.text).toContain('Er dette samme feil som kommunen melder om');
      expect(check.text).not.toContain('Vi er også berørt');
      expect(check.text).not.toMatch(/\bdere\b/i);
    });

    it('sends a GET of the check step or the import result back to its form, in Norwegian', async () => {
      const e = await registerConsumer(t, 606, INCIDENT_SERVICES);
      const cookie = await portalSession(e);
      const portal = await t.http.get('/portal/reports/new/check').set('Cookie', cookie).expect(303);
      expect(portal.headers.location).toBe('/portal/reports/new');
      await createStaffWithPassword(t, 'agent.tilbake@ks.example.test', 'agent');
      const agent = await signIn(t, 'agent.tilbake@ks.example.test');
      expect((await agent.get('/incidents/reports/new/check').expect(303)).headers.location).toBe('/incidents/reports/new');
      expect((await agent.get('/consumers/import/commit').expect(303)).headers.location).toBe('/consumers/import');
    });

    it('lists a municipality’s reports on its consumer page, each linked to its incident with the status', async () => {
      await createStaffWithPassword(t, 'agent.meldinger@ks.example.test', 'agent');
      const agent = await signIn(t, 'agent.meldinger@ks.example.test');
      const page = await agent.get(`/consumers/${d.id}/reports`).expect(200);
      expect(page.text).toContain(`Vi er også berørt av ${reference}`);
      expect(page.text).toContain(
        `<a class="ds-link" href="/incidents/${incidentId}">${reference}</a> <span class="ds-tag" data-color="neutral">Eskalert</span>`,
      );
    });
  });
});
