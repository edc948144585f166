// Notice benchmark: registers 500 consumers with two contacts each (1,000 contacts) on one
// service, then prints how long sending a notice takes to queue (the send request, which writes
// every outbox row in one transaction) and how fast the worker delivers them to a local SMTP
// sink. Targets: queued ≤ 2 s, ≥ 100 messages/s delivered. Embedded database by default; set
// DATABASE_URL to a server to create and drop its own database there. Usage: npm run bench:notices
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';
import { SMTPServer } from 'smtp-server';

const CONSUMERS = 500;
const freePort = () =>
  new Promise((res) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });

// The sink: counts recipients of messages whose subject carries the marker.
let delivered = 0;
let firstAt = 0;
let lastAt = 0;
let marker = '\u0000';
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, done) {
    let raw = '';
    stream.on('data', (c) => (raw += c));
    stream.on('end', () => {
      if (raw.includes(marker)) {
        delivered += session.envelope.rcptTo.length;
        firstAt ||= performance.now();
        lastAt = performance.now();
      }
      done();
    });
  },
});
const smtpPort = await freePort();
await new Promise((r) => sink.listen(smtpPort, '127.0.0.1', r));

let dbName = null;
let admin = null;
const env = {};
if (process.env.DATABASE_URL) {
  dbName = `bench_notices_${Date.now()}`;
  admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${dbName}`;
  env.DATABASE_URL = url.toString();
}

const port = await freePort();
const token = 'bench_' + randomBytes(24).toString('hex');
const dataDir = mkdtempSync(join(tmpdir(), 'bench-notices-'));
const app = spawn('node', ['dist/apps/all-in-one/src/main.js'], {
  env: {
    ...process.env,
    ...env,
    PORT: String(port),
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    BOOTSTRAP_ADMIN_EMAIL: 'bench@ks.example.test',
    BOOTSTRAP_ADMIN_TOKEN: token,
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;

async function call(method, path, body) {
  const r = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await r.json().catch(() => null);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

function orgNumber(seed) {
  for (let n = seed; ; n++) {
    const b = String(80_000_000 + n);
    const w = [3, 2, 7, 6, 5, 4, 3, 2];
    const c = (11 - (w.reduce((a, x, j) => a + x * Number(b[j]), 0) % 11)) % 11;
    if (c !== 10) return { org: b + c, next: n + 1 };
  }
}

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
  const v = await call('POST', '/api/v1/catalogue/versions', {
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
  await call('POST', `/api/v1/catalogue/versions/${v.id}/publish`);
  const orgs = [];
  for (let seed = 1000; orgs.length < CONSUMERS;) {
    const { org, next } = orgNumber(seed);
    orgs.push(org);
    seed = next;
  }
  let i = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (i < orgs.length) {
        const org = orgs[i++];
        await call('POST', '/api/v1/consumers', {
          orgNumber: org,
          name: `Bench ${org}`,
          contacts: [
            { name: 'T', email: `t-${org}@bench.example.test`, role: 'technical' },
            { name: 'F', email: `f-${org}@bench.example.test`, role: 'professional' },
          ],
          services: [{ code: service, environments: ['production'], legalBasis: 'b', purpose: 'b' }],
        });
      }
    }),
  );
  marker = `Benchvarsel ${randomBytes(4).toString('hex')}`;
  const notice = await call('POST', '/api/v1/notices', {
    title: marker,
    body: 'Måling av utsending.',
    services: [service],
    environments: ['production'],
    effectiveAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  const t0 = performance.now();
  const sent = await call('POST', `/api/v1/notices/${notice.id}/send`);
  const queuedMs = performance.now() - t0;
  const until = Date.now() + 180_000;
  while (delivered < sent.recipients && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  const allMs = lastAt - t0;
  const rate = delivered / Math.max((lastAt - t0) / 1000, 0.001);
  console.log(`\nNotice benchmark (${env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PostgreSQL'}, API + worker in one process)`);
  console.log(`recipients                     ${sent.recipients} contacts at ${CONSUMERS} consumers`);
  console.log(`queued (send request)          ${(queuedMs / 1000).toFixed(2)} s   target ≤ 2 s   ${queuedMs <= 2000 ? 'OK' : 'MISSED'}`);
  console.log(`delivered to the SMTP sink     ${delivered} in ${(allMs / 1000).toFixed(2)} s after the send`);
  console.log(`delivery rate                  ${rate.toFixed(0)} messages/s   target ≥ 100   ${rate >= 100 ? 'OK' : 'MISSED'}`);
  if (delivered < sent.recipients) process.exitCode = 1;
} finally {
  app.kill('SIGTERM');
  await new Promise((r) => app.once('exit', r));
  await new Promise((r) => sink.close(r));
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
  rmSync(dataDir, { recursive: true, force: true });
}
