import { publishCatalogue, registerConsumer, RegisteredConsumer } from '../../support/fixtures';
import { createStaffWithPassword, signIn, StaffBrowser } from '../../support/staff-session';
import { bearer, createTestApp, TestApp } from '../../support/test-app';

const SERVICE = 'summert-skattegrunnlag';
const AGENT = 'agent.telefon@ks.example.test';
const VIEWER = 'viewer.telefon@ks.example.test';

/** The value of a named input or the selected option of a named select on a page. */
function fieldValue(html: string, name: string): string | undefined {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html);
  return input?.[1];
}

describe('staff register a report on behalf of a consumer', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let agent: StaffBrowser;
  let viewer: StaffBrowser;

  // A caller from consumer b whose vendor gets 403: the knowledge base has an answer for that.
  const form = () => ({
    consumerId: b.id,
    channel: 'phone',
    reporterName: 'Per Telefon',
    reporterEmail: 'per.telefon@kommune.example.test',
    service: SERVICE,
    environment: 'production',
    category: 'incident',
    title: 'Leverandøren får 403 på alle oppslag',
    description: 'Leverandøren får 403 Forbidden med SSG-008 når de slår opp på vegne av kommunen.',
    occurredAt: '2025-03-14T08:30',
    errorCode: 'SSG-008',
    httpStatus: '403',
    correlationId: 'tel-0001',
    hasWorkedBefore: 'no',
    vendorInvolved: 'Fagsystem AS',
  });

  const reportsOf = (consumerId: string): Promise<Array<Record<string, unknown>>> =>
    t.dataSource.query(
      `SELECT id, reference, incident_id, consumer_id, channel, reporter_name, reporter_email, occurred_at, has_worked_before, vendor_involved FROM report WHERE consumer_id = $1`,
      [consumerId],
    );

  beforeAll(async () => {
    t = await createTestApp();
    await publishCatalogue(t, [SERVICE, 'inntekt']);
    [a, b] = [await registerConsumer(t, 111, [SERVICE]), await registerConsumer(t, 222, [SERVICE])];
    await createStaffWithPassword(t, AGENT, 'agent');
    await createStaffWithPassword(t, VIEWER, 'viewer');
    [agent, viewer] = [await signIn(t, AGENT), await signIn(t, VIEWER)];
  }, 180_000);
  afterAll(() => t?.close());

  it('links writers, and only writers, to the form from the incident queue', async () => {
    expect((await agent.get('/incidents').expect(200)).text).toContain('href="/incidents/reports/new"');
    expect((await viewer.get('/incidents').expect(200)).text).not.toContain('href="/incidents/reports/new"');
  });

  it('offers every consumer by name and organisation number, every service in force, and phone or e-mail', async () => {
    const page = await agent.get('/incidents/reports/new').expect(200);
    expect(page.text).toContain('<h1 class="ds-heading" data-size="lg">Registrer feil- eller avviksmelding</h1>');
    expect(page.text).toContain(`<option value="${a.id}" >Kommune 111 (${a.orgNumber})</option>`);
    expect(page.text.indexOf(`value="${a.id}"`)).toBeLessThan(page.text.indexOf(`value="${b.id}"`));
    expect(page.text).toContain('(inntekt)</option>');
    expect(page.text).toMatch(/id="report-channel-phone" name="channel" value="phone" checked/);
    expect(page.text).toContain('id="report-channel-email"');
    expect(page.text).toContain('action="/incidents/reports/new/check"');
  });

  it('shows the matching knowledge-base answers before anything is registered', async () => {
    const page = await agent.post('/incidents/reports/new/check', form()).expect(200);
    expect(page.text).toContain('Tilgang mangler: delegering i Altinn');
    expect(page.text).toContain('action="/incidents/reports"');
    expect(page.text).toContain('Registrer meldingen likevel');
    expect(page.text).toContain(`<option value="${b.id}" selected>`);
    expect(fieldValue(page.text, 'reporterName')).toBe('Per Telefon');
    expect(fieldValue(page.text, 'title')).toBe('Leverandøren får 403 på alle oppslag');
    expect(fieldValue(page.text, 'submissionId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await reportsOf(b.id)).toEqual([]);
  });

  it('re-shows the form with the problems and what was entered, and stores nothing', async () => {
    const page = await agent
      .post('/incidents/reports/new/check', {
        ...form(),
        consumerId: '',
        channel: 'fax',
        reporterEmail: 'ikke-en-adresse',
        httpStatus: 'tregt',
      })
      .expect(400);
    expect(page.text).toContain('Velg konsumenten meldingen gjelder.');
    expect(page.text).toContain('Velg om meldingen kom på telefon eller e-post.');
    expect(page.text).toContain('Skriv en gyldig e-postadresse');
    expect(page.text).toContain('HTTP-status er et tall mellom 100 og 599');
    expect(page.text).toContain('href="#report-consumerId"');
    expect(page.text).toMatch(/id="report-reporterEmail"[^>]*aria-invalid="true"/);
    expect(fieldValue(page.text, 'title')).toBe('Leverandøren får 403 på alle oppslag');
    expect(await reportsOf(b.id)).toEqual([]);
  });

  it('names a start in the future beside the other fields’ problems, on the check and on submit', async () => {
    const ahead = `${new Date().getFullYear() + 1}-06-01T10:00`;
    for (const path of ['/incidents/reports/new/check', '/incidents/reports']) {
      const page = await agent.post(path, { ...form(), occurredAt: ahead, reporterEmail: 'ikke-en-adresse' }).expect(400);
      expect(page.text).toContain('Skriv en gyldig e-postadresse');
      expect(page.text).toContain('href="#report-occurredAt"');
      expect(page.text).toMatch(/id="report-occurredAt"[^>]*aria-invalid="true"/);
      expect(fieldValue(page.text, 'occurredAt')).toBe(ahead);
    }
    expect(await reportsOf(b.id)).toEqual([]);
  });

  it.each([
    ['a NUL character in the title', { title: 'Feil\u0000' }],
    ['a NUL character in the description', { description: 'Beskrivelse\u0000' }],
    ['a NUL character in the reporter’s name', { reporterName: 'Per\u0000' }],
    ['a day that does not exist', { occurredAt: '2026-02-30T08:00' }],
    ['a year out of range', { occurredAt: '+275760-09-13T00:00' }],
    ['an HTTP status of 1e20', { httpStatus: '1e20' }],
  ])('re-shows the form in Norwegian for %s, on the check and on submit, and stores nothing', async (_what, odd) => {
    for (const path of ['/incidents/reports/new/check', '/incidents/reports']) {
      const page = await agent.post(path, { ...form(), ...odd }).expect(400);
      expect(page.text).toContain('<h1 class="ds-heading" data-size="lg">Registrer feil- eller avviksmelding</h1>');
      expect(page.text).toContain('Noe mangler eller er feil i skjemaet. Se feltene som er merket.');
    }
    expect(await reportsOf(b.id)).toEqual([]);
  });

  it('refuses a consumer that does not exist on submit, beside the field', async () => {
    const page = await agent.post('/incidents/reports', { ...form(), consumerId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    expect(page.text).toContain('Fant ikke konsumenten. Velg en fra listen.');
    expect(page.text).toContain('<h1 class="ds-heading" data-size="lg">Registrer feil- eller avviksmelding</h1>');
  });

  it('refuses a consumer that does not exist through the API and on a known incident’s form, naming the field, and stores nothing', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    const report = { service: SERVICE, environment: 'test', category: 'incident', title: 'Tomt svar', description: 'Svaret er tomt.' };
    const c = await registerConsumer(t, 333, [SERVICE]);
    const known = (await t.http.post('/api/v1/reports').set(bearer(c.key)).send(report).expect(201)).body;
    const stored = 'SELECT count(*)::int AS n FROM report';
    const [before] = await t.dataSource.query(stored);

    const intake = await t.http
      .post('/api/v1/reports')
      .set(bearer(t.adminToken))
      .send({ ...report, consumerId: ghost })
      .expect(400);
    const join = await t.http
      .post(`/api/v1/incidents/${known.incidentId}/affected`)
      .set(bearer(t.adminToken))
      .send({ consumerId: ghost })
      .expect(400);
    for (const res of [intake, join])
      expect(res.body).toMatchObject({ code: 'unknown_consumer', fields: [expect.objectContaining({ field: 'consumerId' })] });
    const page = await agent.post(`/incidents/reports/known/${known.incidentId}/affected`, { ...form(), consumerId: ghost }).expect(400);
    expect(page.text).toContain('Fant ikke konsumenten. Velg en fra listen.');

    expect(await t.dataSource.query(stored)).toEqual([before]);
  });

  it('registers the report for the consumer with channel phone and opens the incident page with its reference', async () => {
    const checked = await agent.post('/incidents/reports/new/check', form()).expect(200);
    const submissionId = fieldValue(checked.text, 'submissionId')!;
    const sent = await agent.post('/incidents/reports', { ...form(), submissionId }).expect(303);
    const location = /^\/incidents\/([0-9a-f-]{36})\?done=registered&report=([0-9a-f-]{36})$/.exec(sent.headers.location);
    expect(location).not.toBeNull();

    const stored = await reportsOf(b.id);
    expect(stored).toEqual([
      expect.objectContaining({
        id: location![2],
        incident_id: location![1],
        consumer_id: b.id,
        channel: 'phone',
        reporter_name: 'Per Telefon',
        reporter_email: 'per.telefon@kommune.example.test',
        has_worked_before: false,
        vendor_involved: 'Fagsystem AS',
      }),
    ]);
    // Norwegian wall-clock time (CET in March).
    expect(new Date(stored[0].occurred_at as string).toISOString()).toBe('2025-03-14T07:30:00.000Z');
    expect(await reportsOf(a.id)).toEqual([]);

    const incident = await agent.get(sent.headers.location).expect(200);
    expect(incident.text).toContain(`Meldingen ${String(stored[0].reference)} er registrert og ligger i denne hendelsen.`);
    expect(incident.text).toContain('Telefon');
    // Its only report is listed once among the first and newest, as the first.
    const highlights = /<ul class="app-highlights" id="report-highlights">([\s\S]*?)<\/ul>/.exec(incident.text)![1];
    expect(highlights.split(String(stored[0].reference)).length - 1).toBe(1);

    const [event] = await t.dataSource.query(`SELECT actor_label FROM incident_event WHERE incident_id = $1 AND kind = 'report_received'`, [
      location![1],
    ]);
    expect(event.actor_label).toBe(AGENT);
    const mail = await t.dataSource.query(
      `SELECT to_addresses FROM outbox_message WHERE template = 'report-confirmation' AND related_id = $1`,
      [location![2]],
    );
    expect(mail).toEqual([{ to_addresses: ['per.telefon@kommune.example.test'] }]);

    // A double-click sends the same submission again: the same report, not a second one.
    const again = await agent.post('/incidents/reports', { ...form(), submissionId }).expect(303);
    expect(again.headers.location).toBe(sent.headers.location);
    expect(await reportsOf(b.id)).toHaveLength(1);
  });

  it('records an e-mailed report with channel email', async () => {
    const sent = await agent
      .post('/incidents/reports', { ...form(), consumerId: a.id, channel: 'email', reporterEmail: '', submissionId: 'e-post-1' })
      .expect(303);
    const [stored] = await reportsOf(a.id);
    expect(stored).toMatchObject({ channel: 'email', reporter_email: null });
    expect(sent.headers.location).toContain(`report=${String(stored.id)}`);
  });

  it('marks a report on a service its municipality is not registered for, on the incident page', async () => {
    const sent = await agent
      .post('/incidents/reports', { ...form(), consumerId: a.id, service: 'inntekt', submissionId: 'uten-tilgang-1' })
      .expect(303);
    const [, incidentId, reportId] = /^\/incidents\/([0-9a-f-]{36})\?done=registered&report=([0-9a-f-]{36})$/.exec(sent.headers.location)!;
    const page = (await agent.get(`/incidents/${incidentId}`).expect(200)).text;
    const rowOf = (id: string) => page.slice(page.indexOf(`id="report-${id}"`), page.indexOf('</li>', page.indexOf(`id="report-${id}"`)));
    expect(rowOf(reportId)).toMatch(/<span class="ds-tag" data-color="warning" data-unregistered>Ikke registrert for [^<]+<\/span>/);
    expect(page).toContain('id="service-access-hint"');
    const registered = await t.dataSource.query(`SELECT id FROM report WHERE incident_id = $1 AND service = $2`, [incidentId, SERVICE]);
    for (const { id } of registered) expect(rowOf(id)).not.toContain('data-unregistered');
    // Once the municipality is registered for the service, the mark is gone.
    await t.http
      .put(`/api/v1/consumers/${a.id}/services/inntekt`)
      .set(bearer(t.adminToken))
      .send({ environments: ['production'], legalBasis: 'test', purpose: 'test' })
      .expect(200);
    const after = (await agent.get(`/incidents/${incidentId}`).expect(200)).text;
    expect(after).not.toContain('data-unregistered');
    expect(after).not.toContain('id="service-access-hint"');
  });

  it('answers 403 to a viewer on the form, the check and the submit, and stores nothing', async () => {
    const before = (await reportsOf(b.id)).length;
    await viewer.get('/incidents/reports/new').expect(403);
    await viewer.post('/incidents/reports/new/check', form()).expect(403);
    await viewer.post('/incidents/reports', { ...form(), submissionId: 'viewer-1' }).expect(403);
    expect(await reportsOf(b.id)).toHaveLength(before);
  });

  it('refuses a post without the session’s CSRF token', async () => {
    await agent.post('/incidents/reports', { ...form(), submissionId: 'no-csrf', _csrf: 'forged' }).expect(403);
    expect(await reportsOf(b.id)).toHaveLength(1);
  });
});
