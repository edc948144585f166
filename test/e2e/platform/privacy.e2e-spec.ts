import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { findNationalIdentityNumbers } from '@domain/shared';

import { AppProcess, startApp } from '../../support/app-process';
import { nationalId, orgNumber } from '../../support/fixtures';
import { SmtpCapture } from '../../support/smtp-capture';

const TOKEN = 'privacy-test-admin-token-0123456789abcdef';

/**
 * Identity numbers sent in every field and channel never leave the system: not in an e-mail
 * (received over real SMTP) and not in a log line, with the most verbose logging switched on.
 */
describe('no identity number in e-mail or logs', () => {
  let work: string;
  let app: AppProcess;
  const smtp = new SmtpCapture();
  const ids = [nationalId('010190123', 0), nationalId('311299456', 0), nationalId('410170789', 3), nationalId('015080321', 1)];

  const call = async (path: string, body?: unknown, token = TOKEN, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json().catch(() => null)) as Record<string, unknown> & {
        id: string;
        key: string;
        personalDataMasked: boolean;
        incidentId: string;
      },
    };
  };

  beforeAll(async () => {
    await smtp.start();
    work = mkdtempSync(join(tmpdir(), 'segment-desk-privacy-'));
    app = await startApp({
      DATA_DIR: work,
      LOG_LEVEL: 'trace',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'segment@ks.example.test',
      BOOTSTRAP_ADMIN_EMAIL: 'admin@ks.example.test',
      BOOTSTRAP_ADMIN_TOKEN: TOKEN,
      ESCALATION_DIGEST_MINUTES: '0',
      ESCALATION_SETTLE_SECONDS: '0',
    });
  }, 180_000);
  afterAll(async () => {
    await app?.stop('SIGKILL');
    await smtp.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('masks every field and keeps the numbers out of all mail and log output', async () => {
    const version = await call('/api/v1/catalogue/versions', {
      label: 'p',
      effectiveFrom: '2020-01-01',
      services: [
        {
          code: 'inntekt',
          name: 'Inntekt',
          maskinportenScopes: ['skatteetaten:inntekt'],
          environments: ['production', 'test'],
          escalationEmails: ['inntekt@ske.example.test'],
          securityEmails: ['sikkerhet@ske.example.test'],
        },
      ],
    });
    expect((await call(`/api/v1/catalogue/versions/${version.body.id}/publish`, {})).status).toBe(200);
    const consumer = await call('/api/v1/consumers', {
      orgNumber: orgNumber(777),
      name: 'Personvern kommune',
      contacts: [{ name: 'T', email: 'tech@personvern.example.test', role: 'technical' }],
      services: [{ code: 'inntekt', environments: ['production'] }],
    });
    expect(consumer.status).toBe(201);
    const key = (await call(`/api/v1/consumers/${consumer.body.id}/api-keys`, {})).body.key as string;

    const spaced = `${ids[1].slice(0, 6)} ${ids[1].slice(6)}`;
    const dotted = `${ids[2].slice(0, 6)}.${ids[2].slice(6)}`;
    const report = {
      service: 'inntekt',
      environment: 'production',
      category: 'deviation',
      title: `Feil inntekt for ${ids[0]}`,
      description: `Skattyter ${spaced} og ${dotted} får feil beløp. Se også ${ids[3]}.`,
      errorCode: ids[3],
      correlationId: ids[0],
      reporterName: `Saksbehandler ${ids[1]}`,
    };
    const first = await call('/api/v1/reports', report, key, { 'Idempotency-Key': ids[2] });
    expect(first.status).toBe(201);
    expect(first.body.personalDataMasked).toBe(true);
    await call('/api/v1/reports', { ...report, title: `Igjen ${ids[0]}` }, key);
    expect((await call('/api/v1/reports', { ...report, environment: ids[0] }, key)).status).toBe(400);
    expect((await call(`/api/v1/reports/suggestions?description=${ids[0]}`, undefined, key)).status).toBe(200);
    expect((await call(`/api/v1/reports/${ids[0]}`, undefined, key)).status).toBe(400);
    // The staff search box: the query string (here an identity number) stays out of the request log.
    expect((await call(`/search?q=${ids[2]}`, undefined, TOKEN, { Accept: 'text/html' })).status).toBe(200);
    expect((await call(`/api/v1/incidents/${first.body.incidentId}/escalate`, {})).status).toBe(200);
    await call('/api/v1/reports', { ...report, title: `Fortsatt feil for ${ids[1]}` }, key);
    expect((await call(`/api/v1/incidents/${first.body.incidentId}/resolve`, { message: `Rettet for ${ids[0]}` })).status).toBe(200);

    const ticket = await call(
      '/api/v1/tickets',
      { subject: `Spørsmål om ${ids[0]}`, body: `Gjelder ${spaced} og ${dotted}.`, requesterName: `Kari ${ids[3]}` },
      key,
    );
    expect(ticket.status).toBe(201);
    expect((await call(`/api/v1/tickets/${ticket.body.id}/messages`, { body: `Vi ser på ${ids[1]}.` })).status).toBe(201);

    const deadline = Date.now() + 60_000;
    // confirmation ×3, escalation, follow-up (digest interval 0), resolution to the contact and the thread, the ticket's answer
    const answered = () => smtp.messages.some((m) => m.parsed.subject?.startsWith('Svar fra KS'));
    while ((smtp.messages.length < 7 || !answered()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(smtp.messages.length).toBeGreaterThanOrEqual(7);
    expect(answered()).toBe(true);
    for (const m of smtp.messages) expect(findNationalIdentityNumbers(`${m.raw}\n${m.parsed.text}\n${m.parsed.html}`)).toEqual([]);

    await app.stop('SIGTERM');
    const logs = app.stdout + app.stderr;
    expect(logs).toContain('request completed');
    expect(findNationalIdentityNumbers(logs)).toEqual([]);
  }, 120_000);
});
