import { hashToken } from '@platform/security';
import { Client } from 'pg';

import { AppProcess, startApp, startWorker } from '../../support/app-process';
import { catalogueService, orgNumber, SKE } from '../../support/fixtures';
import { processFleet } from '../../support/process-fleet';

const TOKEN = 'replicas-test-admin-token-0123456789abcdefgh';
const SERVICES = ['summert-skattegrunnlag', 'inntekt'];
const MUNICIPALITIES = 6;
const REPORTS = 60;
const ESCALATIONS = 10;

/**
 * Two API processes and two workers (the `start:api` / `start:worker` entry points) on one
 * PostgreSQL database: a burst of reports of one outage split across both APIs ends as one
 * incident, concurrent escalations through both end as one thread to Skatteetaten, and no
 * e-mail goes out twice (counted per Message-ID at a real SMTP server). A key revoked through
 * one API is refused by the other as soon as the database's notice reaches it.
 */
describe('two APIs and two workers on one database', () => {
  const fleet = processFleet('replicas', TOKEN, {
    // The first message waits a moment, so both workers' due-escalation jobs race to send it.
    ESCALATION_SETTLE_SECONDS: '1',
    // Only the database's notice can then explain a revoked key refused by the other API.
    CREDENTIAL_CACHE_SECONDS: '3600',
  });
  const { smtp, running } = fleet;
  const env = fleet.env;
  const call = async (app: AppProcess, path: string, body?: object, token = TOKEN) => {
    const res = await fetch(`${app.base}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, string> };
  };
  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const db = new Client({ connectionString: fleet.database.url });
    await db.connect();
    try {
      return (await db.query(sql, params)).rows as T[];
    } finally {
      await db.end();
    }
  };

  it('ends a split burst as one incident, one escalation thread, and each e-mail sent once', async () => {
    // The first API migrates an empty database; the others start on the migrated one.
    const first = await startApp(env(), undefined, 'api');
    running.push(first);
    const [second, ...workers] = await Promise.all([startApp(env(), undefined, 'api'), startWorker(env()), startWorker(env())]);
    running.push(second, ...workers);
    const apis = [first, second];
    // Each worker wrote its heartbeat as it started.
    expect((await call(second, '/health/worker')).status).toBe(200);
    expect(await query<{ n: number }>('SELECT count(*)::int AS n FROM worker_heartbeat')).toEqual([{ n: 2 }]);

    const version = await call(first, '/api/v1/catalogue/versions', {
      label: 'replikaer',
      effectiveFrom: '2020-01-01',
      services: SERVICES.map((code) => catalogueService(code)),
    });
    expect(version.status).toBe(201);
    expect((await call(first, `/api/v1/catalogue/versions/${version.body.id}/publish`, {})).status).toBe(200);
    const municipalities = await Promise.all(
      Array.from({ length: MUNICIPALITIES }, async (_, i) => {
        const org = orgNumber(7000 + i * 17);
        const email = `tech-${org}@kommune.example.test`;
        const consumer = await call(apis[i % 2], '/api/v1/consumers', {
          orgNumber: org,
          name: `Kommune ${i}`,
          contacts: [{ name: 'Teknisk', email, role: 'technical' }],
          services: SERVICES.map((code) => ({ code, environments: ['production', 'test'], legalBasis: 'test', purpose: 'test' })),
        });
        expect(consumer.status).toBe(201);
        const key = await call(apis[i % 2], `/api/v1/consumers/${consumer.body.id}/api-keys`, {});
        expect(key.status).toBe(201);
        return { key: key.body.key, email };
      }),
    );

    // One cause (Maskinporten), told in several ways and about both services.
    const texts = [
      'Maskinporten svarer ikke, vi får ikke token. Alle oppslag feiler.',
      'Token-kall mot Maskinporten feiler med 503 Service Unavailable',
      'Får ikke hentet token fra Maskinporten, timeout',
      'Maskinporten nede? Ingen tilgang til API-et fordi token feiler',
    ];
    const reports = await Promise.all(
      Array.from({ length: REPORTS }, (_, i) => {
        const m = municipalities[i % MUNICIPALITIES];
        return call(
          apis[i % 2],
          '/api/v1/reports',
          {
            service: SERVICES[i % SERVICES.length],
            environment: 'production',
            category: 'incident',
            title: 'Maskinporten feiler',
            description: texts[i % texts.length],
            httpStatus: 503,
            errorCode: 'server_error',
            reporterEmail: m.email,
          },
          m.key,
        );
      }),
    );
    expect(reports.filter((r) => r.status !== 201).map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
    const incidentIds = new Set(reports.map((r) => r.body.incidentId));
    expect(incidentIds.size).toBe(1);
    const [incidentId] = incidentIds;
    expect(await query(`SELECT id FROM incident WHERE merged_into_id IS NULL AND environment = 'production'`)).toEqual([
      { id: incidentId },
    ]);

    const escalations = await Promise.all(
      Array.from({ length: ESCALATIONS }, (_, i) => call(apis[i % 2], `/api/v1/incidents/${incidentId}/escalate`, {})),
    );
    expect(escalations.map((r) => (r.status === 200 ? 200 : `${r.status} ${JSON.stringify(r.body)}`))).toEqual(
      Array(ESCALATIONS).fill(200),
    );
    const threads = new Set(escalations.map((r) => r.body.messageId));
    expect(threads.size).toBe(1);
    const [rootMessageId] = threads;

    // The escalation's first message is queued by one of the workers once the settle period is over.
    const escalationMails = () => query(`SELECT 1 FROM outbox_message WHERE template = 'escalation' AND message_id = $1`, [rootMessageId]);
    const deadline = Date.now() + 30_000;
    while ((await escalationMails()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // Every outbox row delivered by one of the workers, then nothing more arrives.
    const pending = () => query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_message WHERE status <> 'sent'`);
    while ((await pending())[0].n > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect((await pending())[0].n).toBe(0);
    const rows = await query<{ message_id: string }>(`SELECT message_id FROM outbox_message`);
    // A confirmation to the reporter of each report, and the escalation.
    expect(rows.length).toBeGreaterThanOrEqual(REPORTS + 1);
    while (smtp.messages.length < rows.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));

    const perMessageId = new Map<string, number>();
    for (const m of smtp.messages) perMessageId.set(m.parsed.messageId!, (perMessageId.get(m.parsed.messageId!) ?? 0) + 1);
    expect([...perMessageId.values()].filter((n) => n > 1)).toEqual([]);
    expect([...perMessageId.keys()].sort()).toEqual(rows.map((r) => r.message_id).sort());
    const toSkatteetaten = smtp.messages.filter((m) => m.envelopeTo.some((a) => a.endsWith(`@${SKE}`)));
    expect(toSkatteetaten.map((m) => m.parsed.messageId)).toEqual([rootMessageId]);
    expect(await query(`SELECT count(*)::int AS n FROM escalation WHERE incident_id = $1`, [incidentId])).toEqual([{ n: 1 }]);

    // Both APIs have the key cached; one revokes it.
    const revoked = municipalities[0].key;
    for (const api of apis) expect((await call(api, '/api/v1/me', undefined, revoked)).status).toBe(200);
    const [{ id: keyId, consumer_id: consumerId }] = await query<{ id: string; consumer_id: string }>(
      `SELECT id, consumer_id FROM consumer_api_key WHERE key_hash = $1`,
      [hashToken(revoked)],
    );
    const removed = await fetch(`${first.base}/api/v1/consumers/${consumerId}/api-keys/${keyId}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(removed.status).toBe(204);
    expect((await call(first, '/api/v1/me', undefined, revoked)).status).toBe(401);
    const heard = Date.now() + 5_000;
    let onSecond = (await call(second, '/api/v1/me', undefined, revoked)).status;
    while (onSecond !== 401 && Date.now() < heard) onSecond = (await call(second, '/api/v1/me', undefined, revoked)).status;
    expect(onSecond).toBe(401);
  }, 90_000);
});
