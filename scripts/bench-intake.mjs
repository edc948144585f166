// Intake benchmark against PostgreSQL: prints throughput and latency of a 300-report burst of
// one outage (50 concurrent), the authenticated no-op floor, and the p50 intake latency with
// 10 k and with 1 M stored reports. Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:intake
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const server = process.env.DATABASE_URL;
if (!server) {
  console.error('bench:intake needs DATABASE_URL pointing at a PostgreSQL server (it creates and drops its own database).');
  process.exit(2);
}
const dbName = `bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(server);
url.pathname = `/${dbName}`;

const port = await new Promise((res) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => res(p));
  });
});
const token = 'bench_' + randomBytes(24).toString('hex');
const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
const app = spawn('node', ['dist/apps/all-in-one/src/main.js'], {
  env: {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: url.toString(),
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    BOOTSTRAP_ADMIN_EMAIL: 'bench@ks.example.test',
    BOOTSTRAP_ADMIN_TOKEN: token,
    DATABASE_POOL_SIZE: '20',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
const q = (p) => [...p].sort((a, b) => a - b);
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function call(method, path, key, body) {
  const t0 = performance.now();
  const r = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await r.json().catch(() => null);
  return { status: r.status, json, ms: performance.now() - t0 };
}

async function load(n, concurrency, make) {
  const lat = [];
  const statuses = [];
  const out = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const r = await make(i);
        lat.push(r.ms);
        statuses.push(r.status);
        out.push(r.json);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const sorted = q(lat);
  return {
    perSecond: n / seconds,
    p50: pct(sorted, 0.5),
    p99: pct(sorted, 0.99),
    non2xx: statuses.filter((s) => s < 200 || s >= 300).length,
    out,
  };
}

const fmt = (name, r) =>
  `${name.padEnd(34)} ${r.perSecond.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1).padStart(7)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms   non-2xx ${r.non2xx}`;

try {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(base + '/health')).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('app did not start');
    await new Promise((r) => setTimeout(r, 300));
  }
  const service = 'bench-service';
  const v = await call('POST', '/api/v1/catalogue/versions', token, {
    label: 'bench',
    effectiveFrom: '2020-01-01',
    services: [
      {
        code: service,
        name: 'Bench',
        maskinportenScopes: ['skatteetaten:bench'],
        environments: ['production', 'test'],
        escalationEmails: ['bench@ske.example.test'],
        securityEmails: ['sec@ske.example.test'],
      },
    ],
  });
  await call('POST', `/api/v1/catalogue/versions/${v.json.id}/publish`, token);
  const keys = [];
  for (let i = 0; i < 50; i++) {
    const base8 = String(90000000 + i * 7);
    const w = [3, 2, 7, 6, 5, 4, 3, 2];
    let c = 11 - (w.reduce((a, x, j) => a + x * Number(base8[j]), 0) % 11);
    if (c === 11) c = 0;
    if (c === 10) continue;
    const org = base8 + c;
    const created = await call('POST', '/api/v1/consumers', token, {
      orgNumber: org,
      name: `Bench ${i}`,
      contacts: [{ name: 'T', email: `t${i}@bench.example.test`, role: 'technical' }],
      services: [{ code: service, environments: ['production', 'test'], legalBasis: 'b', purpose: 'b' }],
    });
    const k = await call('POST', `/api/v1/consumers/${created.json.id}/api-keys`, token);
    keys.push({ id: created.json.id, key: k.json.key });
  }
  await load(100, 10, (i) => call('GET', '/api/v1/me', keys[i % keys.length].key)); // warm-up
  const noop = await load(300, 50, (i) => call('GET', '/api/v1/me', keys[i % keys.length].key));
  const texts = [
    'Får 503 Service Unavailable fra API-et',
    'API-et svarer ikke, timeout',
    'Tjenesten er nede, alle oppslag feiler med 503',
    'Oppslag feiler: 503 siden i morges',
  ];
  const burst = await load(300, 50, (i) =>
    call('POST', '/api/v1/reports', keys[i % keys.length].key, {
      service,
      environment: 'production',
      category: 'incident',
      title: 'Tjenesten er nede',
      description: texts[i % 4],
      httpStatus: 503,
      errorCode: 'BENCH-503',
    }),
  );
  const incidents = new Set(burst.out.map((x) => x?.incidentId)).size;

  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  const fill = async (total) => {
    const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM report')).rows;
    const add = total - n;
    if (add <= 0) return;
    const ids = keys.map((k) => k.id);
    // History: incidents of 10 reports each over three years, all resolved, plus their reports.
    await db.query(
      `WITH inc AS (
         INSERT INTO incident (reference, title, environment, track, status, side, services, error_codes, opened_at, last_seen_at)
         SELECT 'BENCH-' || $1::int || '-' || g, 'Historisk hendelse ' || g, CASE WHEN g % 3 = 0 THEN 'test' ELSE 'production' END, 'ordinary', 'resolved', 'ske', ARRAY[$2], ARRAY['HIST-' || (g % 40)],
                now() - interval '3 years' + (g * interval '1 minute'), now() - interval '3 years' + (g * interval '1 minute') + interval '2 hours'
         FROM generate_series(1, $3::int) g RETURNING id, opened_at, environment)
       INSERT INTO report (reference, consumer_id, incident_id, channel, service, environment, category, title, description, received_at, http_status, error_code, match)
       SELECT 'BR-' || $1::int || '-' || inc.id || '-' || s, ($4::uuid[])[1 + (s % array_length($4::uuid[], 1))], inc.id, 'api', $2, inc.environment, 'incident',
              'Historisk melding ' || s, 'Oppslag feilet med en historisk feil nummer ' || s, inc.opened_at + (s * interval '5 minutes'), 500, 'HIST-' || s, '{"action":"attach","by":"auto"}'::jsonb
       FROM inc CROSS JOIN generate_series(1, 10) s`,
      [total, service, Math.ceil(add / 10), ids],
    );
    await db.query('ANALYZE');
  };
  const probe = async () => {
    const r = [];
    for (let i = 0; i < 60; i++)
      r.push(
        (
          await call('POST', '/api/v1/reports', keys[i % keys.length].key, {
            service,
            environment: 'test',
            category: 'deviation',
            title: `Avvik ${randomUUID().slice(0, 6)}`,
            description: `Feil beløp i testdata for skattyter nummer ${i}`,
            httpStatus: 200,
          })
        ).ms,
      );
    return pct(q(r.slice(10)), 0.5);
  };
  await fill(10_000);
  const at10k = await probe();
  await fill(1_000_000);
  const at1m = await probe();
  await db.end();

  console.log('\nIntake benchmark (PostgreSQL, 2 cores, API + worker in one process)');
  console.log(fmt('authenticated no-op (GET /me)', noop));
  console.log(fmt('burst: 300 reports, 50 concurrent', burst) + `   incidents opened: ${incidents}`);
  console.log(`intake ratio vs no-op               ${(burst.perSecond / noop.perSecond).toFixed(2)}`);
  console.log(`p50 intake with 10 k reports stored  ${at10k.toFixed(1)} ms`);
  console.log(`p50 intake with 1 M reports stored   ${at1m.toFixed(1)} ms   (ratio ${(at1m / at10k).toFixed(2)})`);
} finally {
  app.kill('SIGTERM');
  await new Promise((r) => app.once('exit', r));
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  rmSync(dataDir, { recursive: true, force: true });
}
