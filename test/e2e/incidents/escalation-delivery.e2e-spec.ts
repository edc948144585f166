import { DomainEvents } from '@platform/events';
import { SMTPServer } from 'smtp-server';

import type { RegisteredConsumer } from '../../support/fixtures';
import { reportBody, reportingApp } from '../../support/incident-fixtures';
import { createStaffWithPassword, signIn, type StaffBrowser } from '../../support/staff-session';
import { bearer, type TestApp } from '../../support/test-app';

/** Skatteetaten's mail server as the test needs it: one service's address refused for good, one for now. */
const REFUSED = /^skatteoppgjor@/;
const DEFERRED = /^inntekt@/;

/** Three unrelated problems, so that each is an incident of its own. */
const PROBLEMS: Record<string, Record<string, unknown>> = {
  'summert-skattegrunnlag': {},
  inntekt: {
    title: 'Inntektsmottak avviser filer',
    description: 'Innsendte a-meldingsfiler blir avvist med valideringsfeil på feltet for arbeidsgiver.',
    httpStatus: 422,
    errorCode: 'INNT-422',
  },
  skatteoppgjor: {
    title: 'Tomme skatteoppgjør',
    description: 'Skatteoppgjøret kommer tilbake uten beløp for et fåtall personer i kommunen.',
    httpStatus: 200,
    errorCode: null,
  },
};

/**
 * Whether Skatteetaten got the escalation: «sent» on an escalation says the first message was
 * handed to the outbox, so the incident also shows whether the mail server took it.
 */
describe('the delivery of an escalation’s first message', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let c: RegisteredConsumer;
  const escalatedIncidents = new Set<string>();
  let staff: StaffBrowser;
  let server: SMTPServer;

  /** A new incident of the service (its own municipality and environment), escalated, its mail delivered. */
  const escalated = async (service: string, consumer: RegisteredConsumer, environment: string) => {
    const report = (
      await t.http
        .post('/api/v1/reports')
        .set(bearer(consumer.key))
        .send(reportBody({ service, environment, ...PROBLEMS[service] }))
        .expect(201)
    ).body;
    expect(escalatedIncidents.has(report.incidentId)).toBe(false);
    escalatedIncidents.add(report.incidentId);
    await t.http.post(`/api/v1/incidents/${report.incidentId}/escalate`).set(bearer(t.adminToken)).expect(200);
    await t.deliverMail();
    return report.incidentId as string;
  };
  const delivery = async (incidentId: string) =>
    (await t.http.get(`/api/v1/incidents/${incidentId}`).set(bearer(t.adminToken)).expect(200)).body.escalation.delivery;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 100,
      onRcptTo: (address, _session, callback) => {
        const refusal = REFUSED.test(address.address)
          ? { code: 550, text: '5.1.1 Mailbox unavailable' }
          : DEFERRED.test(address.address)
            ? { code: 451, text: '4.3.0 Try again later' }
            : null;
        callback(refusal ? Object.assign(new Error(refusal.text), { responseCode: refusal.code }) : undefined);
      },
      onData: (stream, _session, callback) => {
        stream.resume();
        stream.on('end', () => callback());
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server as unknown as { server: { address(): { port: number } } }).server.address().port;
    ({ t, a, b, c } = await reportingApp({ SMTP_URL: `smtp://127.0.0.1:${port}` }));
    await createStaffWithPassword(t, 'leveranse@ks.example.test', 'agent');
    staff = await signIn(t, 'leveranse@ks.example.test');
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it('says the mail server took it', async () => {
    const incidentId = await escalated('summert-skattegrunnlag', a, 'production');
    expect(await delivery(incidentId)).toMatchObject({ state: 'sent', attempts: 1, lastError: null, nextAttemptAt: null });
    const page = await staff.get(`/incidents/${incidentId}`).expect(200);
    expect(page.text).toContain('Levert til e-posttjeneren');
    expect(page.text).not.toContain('id="escalation-undelivered"');
  });

  it('warns that it is not delivered yet while the server defers it, and when it is tried again', async () => {
    const incidentId = await escalated('inntekt', b, 'test');
    const state = await delivery(incidentId);
    expect(state).toMatchObject({ state: 'retrying', attempts: 1, lastError: expect.stringContaining('451') });
    expect(new Date(state.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());
    const page = await staff.get(`/incidents/${incidentId}`).expect(200);
    expect(page.text).toMatch(/id="escalation-undelivered"[^>]*>\s*<p>E-posten til Skatteetaten er ikke levert ennå/);
    expect(page.text).toContain(`href="/mail/${state.outboxId}"`);
  });

  it('alerts staff that Skatteetaten did not get it when the server refuses it for good', async () => {
    const incidentId = await escalated('skatteoppgjor', c, 'production');
    const state = await delivery(incidentId);
    expect(state).toMatchObject({ state: 'failed', attempts: 1, lastError: expect.stringContaining('550'), nextAttemptAt: null });
    const page = await staff.get(`/incidents/${incidentId}`).expect(200);
    expect(page.text).toMatch(/role="alert" id="escalation-undelivered">\s*<p>E-posten til Skatteetaten ble ikke levert: /);
    expect(page.text).toContain('Skatteetaten har ikke fått saken.');

    // Whoever escalates hears of it in the app, once the worker has handled the event.
    const before = (await staff.get('/notifications').expect(200)).text;
    expect(before).not.toContain('E-post til Skatteetaten ble ikke levert');
    await t.get(DomainEvents).process();
    const notifications = (await staff.get('/notifications').expect(200)).text;
    expect(notifications).toContain('E-post til Skatteetaten ble ikke levert');
    expect(notifications.match(/E-post til Skatteetaten ble ikke levert/g)).toHaveLength(1);
    const links = await t.dataSource.query(`SELECT link FROM notification WHERE kind = 'incident.mail_undelivered'`);
    expect(links.map((n: { link: string }) => n.link)).toContain(`/incidents/${incidentId}`);
  });
});
