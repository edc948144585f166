import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AppProcess, startApp } from '../../support/app-process';
import { orgNumber } from '../../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const TOKEN = 'crash-test-admin-token-0123456789abcdefgh';
// Far more reports than are in flight at once, so that the kill after the fifth answer always
// finds reports in flight, however fast intake is.
const REQUESTS = 200;
const IN_FLIGHT = 40;

/**
 * Idempotency-Keys across `kill -9`: requests in flight when the process dies leave nothing
 * behind, so their retries after a restart run at once instead of answering "still being
 * processed" (on the server database named by DATABASE_URL when set, else embedded).
 */
describe('report intake killed mid-burst', () => {
  let work: string;
  let database: TestDatabase | null = null;
  const running: AppProcess[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'segment-desk-crash-'));
    if (process.env.DATABASE_URL) database = await createTestDatabase({ empty: true });
  });
  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop('SIGKILL')));
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  const start = async () => {
    const app = await startApp({
      DATA_DIR: work,
      ...(database ? { DATABASE_URL: database.url } : {}),
      BOOTSTRAP_ADMIN_EMAIL: 'admin@ks.example.test',
      BOOTSTRAP_ADMIN_TOKEN: TOKEN,
      MAIL_FROM: 'segment@ks.example.test',
    });
    running.push(app);
    return app;
  };
  const call = (app: AppProcess, path: string, body: object, token = TOKEN, headers: Record<string, string> = {}) =>
    fetch(`${app.base}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const json = async (res: Promise<Response>) => (await res).json() as Promise<Record<string, string>>;

  it('answers every retry after the restart with one report per key', async () => {
    let app = await start();
    const version = await json(
      call(app, '/api/v1/catalogue/versions', {
        label: 'krasj',
        effectiveFrom: '2020-01-01',
        services: [
          {
            code: 'inntekt',
            name: 'Inntekt',
            maskinportenScopes: ['skatteetaten:inntekt'],
            environments: ['production'],
            escalationEmails: ['inntekt@ske.example.test'],
            securityEmails: ['sikkerhet@ske.example.test'],
          },
        ],
      }),
    );
    expect((await call(app, `/api/v1/catalogue/versions/${version.id}/publish`, {})).status).toBe(200);
    const consumer = await json(
      call(app, '/api/v1/consumers', {
        orgNumber: orgNumber(4711),
        name: 'Krasj kommune',
        contacts: [{ name: 'T', email: 'tech@krasj.example.test', role: 'technical' }],
        services: [{ code: 'inntekt', environments: ['production'] }],
      }),
    );
    const key = (await json(call(app, `/api/v1/consumers/${consumer.id}/api-keys`, {}))).key;
    const report = (i: number) => ({
      service: 'inntekt',
      environment: 'production',
      category: 'incident',
      title: `Tidsavbrudd ${i}`,
      description: 'Kallet mot inntekt får tidsavbrudd etter 30 sekunder.',
    });
    const send = (target: AppProcess, i: number) => call(target, '/api/v1/reports', report(i), key, { 'Idempotency-Key': `krasj-${i}` });

    const acknowledged = new Map<number, string>();
    const lost = new Set<number>(); // sent, and no answer: in flight when the process died
    let killed: Promise<unknown> | null = null;
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (!killed && next < REQUESTS) {
          const i = next++;
          const res = await send(app, i).catch(() => null);
          if (res?.status !== 201) {
            lost.add(i);
            continue;
          }
          acknowledged.set(i, ((await res.json()) as { id: string }).id);
          // The process dies while the rest of the burst is in flight.
          if (acknowledged.size === 5) killed ??= app.stop('SIGKILL');
        }
      }),
    );
    await killed;
    expect(acknowledged.size).toBeGreaterThanOrEqual(5);
    expect(lost.size).toBeGreaterThan(0);

    app = await start();
    const retries = await Promise.all(Array.from({ length: REQUESTS }, (_, i) => send(app, i)));
    expect(retries.map((r) => r.status)).toEqual(Array.from({ length: REQUESTS }, () => 201));
    const ids = await Promise.all(retries.map(async (r) => ((await r.json()) as { id: string }).id));
    for (const [i, id] of acknowledged) expect(ids[i]).toBe(id);
    expect(new Set(ids).size).toBe(REQUESTS);
  }, 240_000);
});
