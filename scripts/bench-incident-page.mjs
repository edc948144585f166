// Incident page benchmark: stores one outage of 300 reports from 50 municipalities, then prints
// p50/p95 latency of the staff page of that incident (first and second page of municipalities)
// and of the queue, over N sequential requests each.
// Usage: npm run bench:incident-page [-- N]   (embedded PostgreSQL; with DATABASE_URL against that server)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const N = Number(process.argv[2] ?? 50);
const REPORTS = 300;
const MUNICIPALITIES = 50;

const server = process.env.DATABASE_URL;
const dbName = `bench_page_${Date.now()}`;
let admin;
let url;
if (server) {
  admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  url = new URL(server);
  url.pathname = `/${dbName}`;
}

const port = await new Promise((res) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => res(p));
  });
});
const token = 'bench_' + randomBytes(24).toString('hex');
const dataDir = mkdtempSync(join(tmpdir(), 'bench-page-'));
const env = { ...process.env };
delete env.DATABASE_URL;
const app = spawn('node', ['dist/apps/all-in-one/src/main.js'], {
  env: {
    ...env,
    ...(url ? { DATABASE_URL: url.toString() } : {}),
    PORT: String(port),
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    BOOTSTRAP_ADMIN_EMAIL: 'bench@ks.example.test',
    BOOTSTRAP_ADMIN_TOKEN: token,
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];

async function call(method, path, key, body) {
  const r = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, json: await r.json().catch(() => null) };
}

/** N sequential GETs of a page: p50/p95 of the time to the last byte, and its size. */
async function measure(path) {
  const times = [];
  let bytes = 0;
  for (let i = 0; i < N + 3; i++) {
    const t0 = performance.now();
    const r = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
    const html = await r.text();
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    if (i >= 3) times.push(performance.now() - t0); // the first few warm caches and the JIT
    bytes = html.length;
  }
  const s = sorted(times);
  return { p50: pct(s, 0.5), p95: pct(s, 0.95), bytes };
}

const line = (name, r) =>
  `${name.padEnd(40)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms   ${(r.bytes / 1024).toFixed(0).padStart(5)} KiB`;

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
  for (let i = 0; keys.length < MUNICIPALITIES; i++) {
    const base8 = String(90000000 + i * 7);
    const w = [3, 2, 7, 6, 5, 4, 3, 2];
    let c = 11 - (w.reduce((a, x, j) => a + x * Number(base8[j]), 0) % 11);
    if (c === 11) c = 0;
    if (c === 10) continue;
    const created = await call('POST', '/api/v1/consumers', token, {
      orgNumber: base8 + c,
      name: `Bench kommune ${i}`,
      contacts: [{ name: 'T', email: `t${i}@bench.example.test`, role: 'technical' }],
      services: [{ code: service, environments: ['production', 'test'], legalBasis: 'b', purpose: 'b' }],
    });
    keys.push((await call('POST', `/api/v1/consumers/${created.json.id}/api-keys`, token)).json.key);
  }
  const texts = [
    'Får 503 Service Unavailable fra API-et',
    'API-et svarer ikke, timeout',
    'Tjenesten er nede, alle oppslag feiler med 503',
    'Oppslag feiler: 503 siden i morges',
  ];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < REPORTS) {
        const i = next++;
        const r = await call('POST', '/api/v1/reports', keys[i % keys.length], {
          service,
          environment: 'production',
          category: 'incident',
          title: 'Tjenesten er nede',
          description: `${texts[i % 4]} (melding ${i})`,
          httpStatus: 503,
          errorCode: 'BENCH-503',
        });
        if (r.status !== 201) throw new Error(`report ${i}: ${r.status} ${JSON.stringify(r.json)}`);
      }
    }),
  );
  console.log(`stored ${REPORTS} reports in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const incidents = (await call('GET', '/api/v1/incidents?status=new,triaged,escalated', token)).json;
  const biggest = incidents.sort((a, b) => b.reportCount - a.reportCount)[0];

  const results = [
    ['incident page, municipalities 1–25', await measure(`/incidents/${biggest.id}`)],
    ['incident page, municipalities 26–50', await measure(`/incidents/${biggest.id}?page=2`)],
    ['incident queue', await measure('/incidents')],
    ['incident queue, searched ("503")', await measure('/incidents?q=503')],
  ];
  console.log(
    `\nIncident page benchmark (${server ? 'PostgreSQL server' : 'embedded PostgreSQL'}; ${N} sequential requests each;` +
      ` incident ${biggest.reference} with ${biggest.reportCount} reports from ${biggest.consumerCount} municipalities)`,
  );
  for (const [name, r] of results) console.log(line(name, r));
} finally {
  app.kill('SIGTERM');
  await new Promise((r) => app.once('exit', r));
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
  rmSync(dataDir, { recursive: true, force: true });
}
