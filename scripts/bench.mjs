// The benchmark: every intake and scale figure next to its target, printed as one table and
// written to test-results/bench.json. Each app run starts the built app (dist/) as a child
// process in production mode on a fresh database; autocannon (50 connections) is the one load
// generator for throughput, sequential fetches measure single-request latency.
//
// Usage: npm run bench [-- --quick] [-- --only=pipeline,burst,embedded,scale,match,notices,pages]
//   --quick  short runs and 100 k instead of 1 M stored reports, to try the script out
//   --only   the figures to measure (default all); a ratio whose reference was not measured is n/a
//   --profile  each app process writes a CPU profile (node --cpu-prof) to test-results/profiles/,
//            for Chrome DevTools or speedscope; profiling slows the app, so its figures are not the ones to report
// DATABASE_URL names the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
// each run creates and drops its own database there.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';

import autocannon from 'autocannon';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

const FIGURES = ['pipeline', 'burst', 'embedded', 'scale', 'match', 'notices', 'pages'];
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only='));
const ONLY = onlyArg ? onlyArg.slice('--only='.length).split(',') : FIGURES;
const unknown = ONLY.filter((f) => !FIGURES.includes(f));
if (unknown.length) {
  console.error(`unknown figure(s) ${unknown.join(', ')}; choose from ${FIGURES.join(', ')}`);
  process.exit(2);
}
const want = (...names) => names.some((n) => ONLY.includes(n));
const PROFILE_DIR = args.includes('--profile') ? 'test-results/profiles' : null;

const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONNECTIONS = 50;
const BURST = 300;
// Figure 4 compares two rates: a 300-report burst lasts well under a second here, and its rate
// moved between × 0.7 and × 1.4 from one run to the next; four times as many reports steady it.
const SCALE_BURST = 1_200;
const LOAD_SECONDS = QUICK ? 3 : 10;
const PROBES = QUICK ? 50 : 200;
const PAGE_REQUESTS = QUICK ? 20 : 50;
const SMALL_HISTORY = 10_000;
// A national outage's incident after a few hours: every municipality has reported, many more than once.
const LARGE_INCIDENT = 5_000;
const LARGE_INCIDENT_CONSUMERS = 350;
const PAGE_HISTORY = 100_000;
const LARGE_HISTORY = QUICK ? 100_000 : 1_000_000;
const NOTICE_CONSUMERS = 500; // two contacts each: 1,000 recipients
const SERVICE = 'bench-service';
const APP = 'dist/apps/all-in-one/src/main.js';
const API = 'dist/apps/api/src/main.js';
const WORKER = 'dist/apps/worker/src/main.js';

// ---------------------------------------------------------------- processes, databases, sinks

/** Cleanups of everything started, run last-first at the end or on an error. */
const cleanups = [];
const later = (fn) => cleanups.push(fn);

const freePort = () =>
  new Promise((res) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freshDatabase(tag) {
  const name = `bench_${tag}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
  later(drop);
  return url.toString();
}

function tempDir(tag) {
  const dir = mkdtempSync(join(os.tmpdir(), `bench-${tag}-`));
  later(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A child process (with an IPC channel if asked); stopping it waits for its exit (SIGKILL after 30 s). */
function child(argv, env, { ipc = false } = {}) {
  const proc = spawn('node', argv, { env, stdio: ['ignore', 'inherit', 'inherit', ...(ipc ? ['ipc'] : [])] });
  let exited = null;
  const exit = new Promise((r) => proc.once('exit', (code, signal) => r((exited = { code, signal }))));
  const stop = async () => {
    if (exited) return;
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
    await exit;
    clearTimeout(timer);
  };
  later(stop);
  return { proc, exit, stop, exited: () => exited };
}

const token = 'bench_' + randomBytes(24).toString('hex');

/**
 * Starts the app (or one role of it) and waits until it knows the bootstrap token: a /health
 * answer alone could come from another process that took the free port first (then this one
 * exits, and it is tried on another port). A worker has no HTTP to wait for.
 */
async function startApp(opts, attempt = 1) {
  const { entry = APP, http = true } = opts;
  const port = await freePort();
  const c = child([...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []), entry], appEnv(opts, port));
  const base = `http://127.0.0.1:${port}`;
  if (!http) return { ...c, port, base };
  if (!(await ready(base, c))) {
    if (attempt < 3) return startApp(opts, attempt + 1);
    throw new Error(`${entry} exited before it was ready (${JSON.stringify(c.exited())})`);
  }
  return { ...c, port, base };
}

/** The environment of an app process in production mode on `port`. */
function appEnv({ databaseUrl, dataDir, smtpPort }, port) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return {
    ...env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(smtpPort ? { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } : {}),
    PORT: String(port),
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    BOOTSTRAP_ADMIN_EMAIL: 'bench@ks.example.test',
    BOOTSTRAP_ADMIN_TOKEN: token,
  };
}

/** Waits until `base` knows the bootstrap token; false if the process `c` exits first. */
async function ready(base, c) {
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (c.exited()) return false;
    try {
      if ((await fetch(base + '/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status === 200) return true;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${base} did not start within 5 minutes`);
    await sleep(300);
  }
}

/**
 * API processes as a Node cluster on one port (scripts/bench-cluster.mjs), started with one
 * process; `grow()` adds one and resolves once it listens.
 */
async function startApiCluster(opts, attempt = 1) {
  const port = await freePort();
  const c = child(['scripts/bench-cluster.mjs', API], appEnv(opts, port), { ipc: true });
  const base = `http://127.0.0.1:${port}`;
  let listening = 0;
  let heard = () => {};
  c.proc.on('message', (m) => {
    listening = m.listening ?? listening;
    heard();
  });
  if (!(await ready(base, c))) {
    if (attempt < 3) return startApiCluster(opts, attempt + 1);
    throw new Error(`the API cluster exited before it was ready (${JSON.stringify(c.exited())})`);
  }
  const grow = async () => {
    const want = listening + 1;
    c.proc.send('fork');
    const deadline = Date.now() + 300_000;
    while (listening < want) {
      if (c.exited()) throw new Error(`the API cluster exited (${JSON.stringify(c.exited())})`);
      if (Date.now() > deadline) throw new Error('the added API process did not listen within 5 minutes');
      await new Promise((r) => {
        heard = r;
        setTimeout(r, 1000);
      });
    }
  };
  return { ...c, port, base, processes: () => listening, grow };
}

/** A reference server answering {} (scripts/bench-reference-server.mjs): `node`, `express`, `nest-express` or `nest`. */
async function startReference(kind) {
  const port = await freePort();
  const c = child(['scripts/bench-reference-server.mjs', kind, String(port)], process.env);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(base);
      break;
    } catch {
      if (i > 200) throw new Error(`reference server ${kind} did not start`);
      await sleep(100);
    }
  }
  return { ...c, base };
}

/** A local SMTP server counting recipients of messages whose text carries `marker`. */
async function startSmtpSink() {
  const sink = { delivered: 0, lastAt: 0, marker: '\u0000' };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c) => (raw += c));
      stream.on('end', () => {
        if (raw.includes(sink.marker)) {
          sink.delivered += session.envelope.rcptTo.length;
          sink.lastAt = performance.now();
        }
        done();
      });
    },
  });
  sink.port = await freePort();
  await new Promise((r) => server.listen(sink.port, '127.0.0.1', r));
  later(() => new Promise((r) => server.close(r)));
  return sink;
}

// ---------------------------------------------------------------- the API and the data set-up

async function call(base, method, path, { key = token, body } = {}) {
  const t0 = performance.now();
  const r = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  const ms = performance.now() - t0;
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // a page, not JSON
  }
  return { status: r.status, json, ms, bytes: text.length };
}

async function must(base, method, path, opts) {
  const r = await call(base, method, path, opts);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}

async function publishCatalogue(base) {
  const v = await must(base, 'POST', '/api/v1/catalogue/versions', {
    body: {
      label: 'bench',
      effectiveFrom: '2020-01-01',
      services: [
        {
          code: SERVICE,
          name: 'Bench',
          maskinportenScopes: ['skatteetaten:bench'],
          environments: ['production', 'test'],
          escalationEmails: ['bench@ske.example.test'],
          securityEmails: ['sec@ske.example.test'],
        },
      ],
    },
  });
  await must(base, 'POST', `/api/v1/catalogue/versions/${v.id}/publish`);
}

/** `n` valid organisation numbers (mod-11 check digit) from `seed` on. */
function orgNumbers(n, seed) {
  const out = [];
  for (let i = seed; out.length < n; i++) {
    const b = String(80_000_000 + i);
    const w = [3, 2, 7, 6, 5, 4, 3, 2];
    const c = (11 - (w.reduce((a, x, j) => a + x * Number(b[j]), 0) % 11)) % 11;
    if (c !== 10) out.push(b + c);
  }
  return out;
}

/** Registers `n` consumers on the bench service (10 at a time); with `keys`, each gets an API key. */
async function registerConsumers(base, n, { contacts = 1, keys = true } = {}) {
  const orgs = orgNumbers(n, 1000);
  const out = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < orgs.length) {
        const org = orgs[next++];
        const created = await must(base, 'POST', '/api/v1/consumers', {
          body: {
            orgNumber: org,
            name: `Bench ${org}`,
            contacts: [
              { name: 'T', email: `t-${org}@bench.example.test`, role: 'technical' },
              { name: 'F', email: `f-${org}@bench.example.test`, role: 'professional' },
            ].slice(0, contacts),
            services: [{ code: SERVICE, environments: ['production', 'test'], legalBasis: 'b', purpose: 'b' }],
          },
        });
        out.push({ id: created.id, key: keys ? (await must(base, 'POST', `/api/v1/consumers/${created.id}/api-keys`)).key : null });
      }
    }),
  );
  return out;
}

const OUTAGE_TEXTS = [
  'Får 503 Service Unavailable fra API-et',
  'API-et svarer ikke, timeout',
  'Tjenesten er nede, alle oppslag feiler med 503',
  'Oppslag feiler: 503 siden i morges',
];
const outageReport = (i, environment) => ({
  service: SERVICE,
  environment,
  category: 'incident',
  title: 'Tjenesten er nede',
  description: `${OUTAGE_TEXTS[i % 4]} (melding ${i})`,
  httpStatus: 503,
  errorCode: 'BENCH-503',
});

/**
 * Stored history up to `total` reports: resolved incidents of 10 reports each over three years,
 * written with SQL, as a few years of use would leave them.
 */
async function fillHistory(databaseUrl, total, consumerIds) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM report')).rows;
    const add = total - n;
    if (add <= 0) return;
    // In one transaction without the triggers (the replica role), then the incidents' report
    // counts in one statement: the trigger would count each incident once per inserted report.
    await db.query('BEGIN');
    await db.query('SET LOCAL session_replication_role = replica');
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
      [total, SERVICE, Math.ceil(add / 10), consumerIds],
    );
    await db.query(
      `UPDATE incident i SET report_count = c.reports, consumer_count = c.consumers
       FROM (SELECT incident_id, count(*)::int AS reports, count(DISTINCT consumer_id)::int AS consumers FROM report
             WHERE reference LIKE 'BR-' || $1::int || '-%' GROUP BY incident_id) c
       WHERE i.id = c.incident_id`,
      [total],
    );
    await db.query('COMMIT');
    // As autovacuum leaves years of history: statistics current and pages marked all-visible.
    await db.query('VACUUM ANALYZE');
  } finally {
    await db.end();
  }
}

/**
 * Grows an open incident to `total` reports over the last 90 minutes (inside the wave window), from
 * LARGE_INCIDENT_CONSUMERS municipalities added for it, with its kept counts and profile to match,
 * as a national outage's incident stands a few hours in.
 */
async function growIncident(databaseUrl, incidentId, total) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query('SET LOCAL session_replication_role = replica');
    await db.query(
      `WITH c AS (
         INSERT INTO consumer (org_number, name, kind, municipality_number, status)
         SELECT (800000000 + g)::text, 'Benchkommune ' || g, 'kommune', lpad((5000 + g)::text, 4, '0'), 'active'
         FROM generate_series(1, $3::int) g RETURNING id),
       cs AS (SELECT array_agg(id) AS ids FROM c),
       i AS (SELECT * FROM incident WHERE id = $1)
       INSERT INTO report (reference, consumer_id, incident_id, channel, service, environment, category, title, description, received_at, http_status, error_code, match, features)
       SELECT 'BL-' || i.id || '-' || s, cs.ids[1 + (s % $3::int)], i.id, 'api', $4, i.environment, 'incident',
              'Tjenesten er nede', 'Tjenesten svarer ikke (tidligere melding ' || s || ')', now() - interval '90 minutes' + (s * interval '1 second'),
              503, 'BENCH-503', '{"action":"attach","by":"auto"}'::jsonb, ARRAY['tjenest', 'svar']
       FROM i, cs, generate_series(1, $2::int - i.report_count) s`,
      [incidentId, total, LARGE_INCIDENT_CONSUMERS, SERVICE],
    );
    // The profile as intake would have kept it: the same mix of statuses, codes and words, in
    // proportion to the reports, and each municipality's count.
    await db.query(
      `UPDATE incident i SET report_count = c.reports, consumer_count = c.consumers,
              profile = (SELECT jsonb_object_agg(key, round(value::numeric * c.reports / (i.profile->>'n')::numeric))
                         FROM jsonb_each_text(i.profile) WHERE key NOT LIKE 'c:%') || c.profile
       FROM (SELECT sum(n)::int AS reports, count(*)::int AS consumers, jsonb_object_agg('c:' || consumer_id, n) AS profile
             FROM (SELECT consumer_id, count(*) AS n FROM report WHERE incident_id = $1 GROUP BY consumer_id) per) c
       WHERE i.id = $1`,
      [incidentId],
    );
    await db.query('COMMIT');
    await db.query('VACUUM ANALYZE report');
  } finally {
    await db.end();
  }
}

async function dbQuery(databaseUrl, sql, params) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query(sql, params)).rows;
  } finally {
    await db.end();
  }
}

// ---------------------------------------------------------------- measuring

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const pct = (s, p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];

/** Completed requests per second and latency; `unexpected` counts answers other than `expected`. */
function summary(r, expected = 200) {
  const done = r.requests.total;
  return {
    perSecond: done / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: done,
    unexpected: done - (r.statusCodeStats[expected]?.count ?? 0),
    errors: r.errors + r.timeouts,
  };
}

/** `seconds` of GET load with 50 connections (after a short warm-up). */
async function throughput(base, path, headers = {}, expected = 200) {
  const opts = { url: base + path, connections: CONNECTIONS, headers, timeout: 60 };
  await autocannon({ ...opts, amount: 500 });
  return summary(await autocannon({ ...opts, duration: LOAD_SECONDS }), expected);
}

/** CPU time (user and system) a process has used so far, in ms; null where there is no /proc. */
function cpuMs(pid) {
  try {
    // After "pid (name) " come state, ppid, …: utime and stime are the 12th and 13th, in ticks of 1/100 s.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The machine's CPU time so far (all cores), busy and in total, in ticks; null where there is no /proc. */
function machineCpu() {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0); // user … steal; guest time is inside user
    return { busy: total - ticks[3] - ticks[4], total }; // less idle and iowait
  } catch {
    return null;
  }
}
const busyShare = (before, after) =>
  before && after && after.total > before.total ? (after.busy - before.busy) / (after.total - before.total) : null;
const busyLine = (b) => (b.machineBusy === null ? '' : `; machine ${(b.machineBusy * 100).toFixed(0)} % busy`);

const cpuLine = (b, database) => (b.cpuMsPerReport === null ? 'n/a (no /proc)' : `${b.cpuMsPerReport.toFixed(1)} ms (${database})`);

/**
 * 300 reports of one outage, 50 concurrent, spread over the consumers' keys; every status and
 * incident kept. With the app's process, also the CPU time it spent per report (with the rate, it
 * tells whether the app or the database is the one waited for).
 */
async function burst(base, consumers, environment, app = null, { idempotent = false, amount = BURST } = {}) {
  const cpuBefore = app ? cpuMs(app.proc.pid) : null;
  const machineBefore = machineCpu();
  let n = 0;
  let firstSentAt = 0;
  let lastAnsweredAt = 0;
  const statuses = [];
  const incidentIds = new Set(); // of the accepted reports
  const r = await autocannon({
    url: base,
    connections: CONNECTIONS,
    amount,
    timeout: 300,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/reports',
        setupRequest: (req) => {
          const i = n++;
          if (i === 0) firstSentAt = performance.now();
          return {
            ...req,
            headers: {
              authorization: `Bearer ${consumers[i % consumers.length].key}`,
              'content-type': 'application/json',
              ...(idempotent ? { 'idempotency-key': randomUUID() } : {}),
            },
            body: JSON.stringify(outageReport(i, environment)),
          };
        },
        onResponse: (status, body) => {
          lastAnsweredAt = performance.now();
          statuses.push(status);
          if (status === 201) incidentIds.add(JSON.parse(body).incidentId);
        },
      },
    ],
  });
  const created = statuses.filter((s) => s === 201).length;
  // autocannon notices that `amount` requests are done only at its next 1-s sample, so its own
  // duration is rounded up to whole seconds; the burst's is from the first request to the last answer.
  const seconds = (lastAnsweredAt - firstSentAt) / 1000;
  const cpuAfter = app ? cpuMs(app.proc.pid) : null;
  return {
    cpuMsPerReport: cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / statuses.length : null,
    // all processes' share of all cores: near 100 %, no process added on this machine can make it faster
    machineBusy: busyShare(machineBefore, machineCpu()),
    ...summary(r, 201),
    perSecond: statuses.length / seconds,
    seconds,
    created,
    answered: statuses.length,
    incidents: incidentIds.size,
    incidentIds: [...incidentIds],
  };
}

/**
 * The database alone, the reference for figure 2's rate: 50 connections from this process, each
 * asking of the server what a certain attach asks (a read of a few rows, then an insert committed
 * on its own, both prepared), with trivial statements and no HTTP, matching or triggers. An
 * intake that stores each report durably before it answers cannot pass this rate on the machine.
 */
async function databaseAlone(databaseUrl) {
  await dbQuery(databaseUrl, 'CREATE TABLE bench_database_alone (id bigserial PRIMARY KEY, body text NOT NULL)');
  const clients = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    clients.push(c);
  }
  const latencies = [];
  const body = outageReport(0, 'test').description;
  const run = async (until) => {
    await Promise.all(
      clients.map(async (c) => {
        while (performance.now() < until) {
          const t = performance.now();
          await c.query({ name: 'read', text: 'SELECT id, body FROM bench_database_alone ORDER BY id DESC LIMIT 3' });
          await c.query({ name: 'insert', text: 'INSERT INTO bench_database_alone (body) VALUES ($1)', values: [body] });
          latencies.push(performance.now() - t);
        }
      }),
    );
  };
  await run(performance.now() + 1_000); // prepares the statements on every connection
  latencies.length = 0;
  const started = performance.now();
  await run(started + LOAD_SECONDS * 1_000);
  const seconds = (performance.now() - started) / 1_000;
  await Promise.all(clients.map((c) => c.end()));
  await dbQuery(databaseUrl, 'DROP TABLE bench_database_alone');
  const s = sorted(latencies);
  return { perSecond: latencies.length / seconds, p50: pct(s, 0.5), p99: pct(s, 0.99), unexpected: 0, errors: 0 };
}

/**
 * p50 of sequential single reports of new, unrelated deviations (the first 10 warm up). The
 * probes group into an incident of their own; the earlier measurement's is resolved first, so
 * that both measurements attach to an incident of the same size and differ only in the history
 * stored around it.
 */
async function intakeLatency(base, databaseUrl, consumers) {
  await dbQuery(
    databaseUrl,
    `UPDATE incident SET status = 'resolved', resolved_at = now() WHERE environment = 'test' AND status <> 'resolved'`,
  );
  const ms = [];
  for (let i = 0; i < PROBES + 10; i++) {
    const r = await call(base, 'POST', '/api/v1/reports', {
      key: consumers[i % consumers.length].key,
      body: {
        service: SERVICE,
        environment: 'test',
        category: 'deviation',
        title: `Avvik ${randomBytes(3).toString('hex')}`,
        description: `Feil beløp i testdata for skattyter nummer ${i}`,
        httpStatus: 200,
      },
    });
    if (r.status !== 201) throw new Error(`intake probe: ${r.status} ${JSON.stringify(r.json)}`);
    if (i >= 10) ms.push(r.ms);
  }
  return pct(sorted(ms), 0.5);
}

/** p50/p95 of sequential GETs to the last byte (the first 3 warm caches and the JIT). */
async function pageLatency(base, path) {
  const ms = [];
  let bytes = 0;
  for (let i = 0; i < PAGE_REQUESTS + 3; i++) {
    const r = await call(base, 'GET', path);
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    if (i >= 3) ms.push(r.ms);
    bytes = r.bytes;
  }
  const s = sorted(ms);
  return { p50: pct(s, 0.5), p95: pct(s, 0.95), bytes };
}

// ---------------------------------------------------------------- the table

const rows = [];
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const rps = (x) => `${x.toFixed(0)} req/s`;
const loadLine = (r) =>
  `${rps(r.perSecond)}, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}${r.unexpected || r.errors ? `, ${r.unexpected} unexpected answers, ${r.errors} errors` : ''}`;
/** One table row; `met` is true/false, null when the reference it compares with was not measured, undefined without a target. */
function row(figure, measured, target, met, values = {}) {
  rows.push({ figure, measured, target, met: met === undefined ? '—' : met === null ? 'n/a' : met ? 'yes' : 'no', values });
  console.log(`  ${figure}: ${measured}${target ? ` (target ${target})` : ''}`);
}
const ratio = (a, b) => (a && b ? a / b : null);
const atLeast = (r, x) => (r === null ? null : r >= x);
const times = (r) => (r === null ? 'n/a' : `× ${r.toFixed(2)}`);

const measured = {};

// ---------------------------------------------------------------- the runs

/** Figures 1, 2, 5 and 7: one app (API + worker) on a fresh PostgreSQL database. */
async function postgresRun() {
  console.log('\n[PostgreSQL] request pipeline, burst, match latency, pages');
  const databaseUrl = await freshDatabase('pg');
  const app = await startApp({ databaseUrl, dataDir: tempDir('pg') });
  await publishCatalogue(app.base);
  const consumers = await registerConsumers(app.base, 50);
  const key = { authorization: `Bearer ${consumers[0].key}` };

  if (want('pipeline', 'burst')) {
    const pipeline = {};
    if (want('pipeline')) {
      for (const [name, kind] of [
        ['bare', 'node'],
        ['express', 'express'],
        ['nestExpress', 'nest-express'],
        ['nest', 'nest'],
      ]) {
        const reference = await startReference(kind);
        pipeline[name] = await throughput(reference.base, '/');
        await reference.stop();
      }
      pipeline.live = await throughput(app.base, '/health/live');
      pipeline.notFound = await throughput(app.base, '/nonexistent', {}, 404);
      pipeline.health = await throughput(app.base, '/health');
      pipeline.staff = await throughput(app.base, '/api/v1/me', { authorization: `Bearer ${token}` });
    }
    pipeline.key = await throughput(app.base, '/api/v1/me', key);
    measured.noop = pipeline.key.perSecond;
    if (want('pipeline')) {
      row('1 bare Node http server ({})', loadLine(pipeline.bare), 'reference', undefined, pipeline.bare);
      const ceiling = (r) => `${loadLine(r)}; ${times(ratio(r.perSecond, pipeline.bare.perSecond))} bare Node`;
      row('1 bare Express 5 handler (ceiling of any Express app)', ceiling(pipeline.express), 'reference', undefined, pipeline.express);
      row('1 bare NestJS 12 + Express handler', ceiling(pipeline.nestExpress), 'reference', undefined, pipeline.nestExpress);
      row('1 bare NestJS 12 + Fastify handler (ceiling of this app)', ceiling(pipeline.nest), 'reference', undefined, pipeline.nest);
      row('1 GET /health/live', loadLine(pipeline.live), 'reference', undefined, pipeline.live);
      row('1 GET /nonexistent (404)', loadLine(pipeline.notFound), '', undefined, pipeline.notFound);
      row('1 GET /health (one database ping)', loadLine(pipeline.health), '', undefined, pipeline.health);
      for (const [name, r] of [
        ['staff token', pipeline.staff],
        ['consumer API key', pipeline.key],
      ]) {
        const vsBare = ratio(r.perSecond, pipeline.bare.perSecond);
        const vsLive = ratio(r.perSecond, pipeline.live.perSecond);
        const vsNest = ratio(r.perSecond, pipeline.nest.perSecond);
        row(
          `1 GET /api/v1/me, ${name}`,
          `${loadLine(r)}; ${times(vsBare)} bare, ${times(vsLive)} live, ${times(vsNest)} bare NestJS`,
          '≥ 0.25 × bare Node and ≥ 0.5 × /health/live',
          vsBare >= 0.25 && vsLive >= 0.5,
          { ...r, vsBare, vsLive, vsNest },
        );
      }
    }
  }

  let outage = null;
  if (want('burst', 'pages')) {
    const cold = want('burst') ? await burst(app.base, consumers, 'test', app) : null;
    const b = await burst(app.base, consumers, 'production', app);
    measured.burst = b.perSecond;
    outage = b;
    if (want('burst')) {
      row('2 burst on a cold app (the first intake after start; test environment)', loadLine(cold), 'reference', undefined, cold);
      row('2 burst on PostgreSQL: answers', `${b.created} of ${BURST} 201`, `all ${BURST} 201`, b.created === BURST, b);
      row('2 burst on PostgreSQL: incidents', String(b.incidents), 'exactly 1', b.incidents === 1);
      const alone = await databaseAlone(databaseUrl);
      row(
        '2 the database alone: a read and a committed insert per report, 50 connections, no HTTP (ceiling of intake)',
        `${loadLine(alone)}; ${times(ratio(alone.perSecond, measured.noop))} no-op`,
        'reference',
        undefined,
        alone,
      );
      const r = ratio(b.perSecond, measured.noop);
      row(
        '2 burst on PostgreSQL: throughput',
        `${rps(b.perSecond)} (${times(r)} no-op, ${times(ratio(b.perSecond, alone.perSecond))} the database alone)`,
        '≥ 0.5 × authenticated no-op',
        atLeast(r, 0.5),
      );
      row('2 burst on PostgreSQL: p99', `${ms(b.p99)} (p50 ${ms(b.p50)})`, '≤ 100 ms', b.p99 <= 100);
      row(
        '2 burst on PostgreSQL: CPU of the app per report',
        `${cpuLine(b, 'the server’s not counted')}${busyLine(b)}`,
        'reference',
        undefined,
      );
      // As vendors' scripts (and the acceptance run) send it: each report stored with its key.
      // On the test environment, into the incident the cold burst opened.
      const k = await burst(app.base, consumers, 'test', app, { idempotent: true });
      row(
        '2 burst with an Idempotency-Key on every report (into an open incident)',
        `${loadLine(k)} (${times(ratio(k.perSecond, b.perSecond))} the burst above); ${k.created} 201, ${k.incidents} incident(s); app CPU ${cpuLine(k, 'per report')}`,
        'reference',
        undefined,
        k,
      );
      // The same burst once the test environment's incident holds LARGE_INCIDENT reports: what a
      // report costs must not grow with the incident it joins. (Figure 7 reads the production one.)
      await growIncident(databaseUrl, k.incidentIds[0], LARGE_INCIDENT);
      const large = await burst(app.base, consumers, 'test', app);
      const vsFresh = ratio(large.perSecond, b.perSecond);
      row(
        `2 burst into an incident of ${LARGE_INCIDENT.toLocaleString('en')} reports`,
        `${loadLine(large)} (${times(vsFresh)} the burst above); ${large.created} 201, ${large.incidents} incident(s); app CPU ${cpuLine(large, 'per report')}`,
        'reference',
        undefined,
        { ...large, vsFresh },
      );
    }
  }

  const ids = consumers.map((c) => c.id);
  let small = null;
  if (want('match')) {
    await fillHistory(databaseUrl, SMALL_HISTORY, ids);
    small = await intakeLatency(app.base, databaseUrl, consumers);
  }
  if (want('pages')) {
    await fillHistory(databaseUrl, PAGE_HISTORY, ids);
    const open = await must(app.base, 'GET', '/api/v1/incidents?status=new,triaged,escalated');
    const biggest = open.find((i) => i.id === outage.incidentIds[0]) ?? open.sort((a, b) => b.reportCount - a.reportCount)[0];
    const of = `${biggest.reportCount}-report incident, ${PAGE_HISTORY / 1000} k stored`;
    for (const [name, path] of [
      ['GET /incidents (admin list page)', '/incidents'],
      ['GET /api/v1/incidents', '/api/v1/incidents'],
      [`GET /incidents/:id (${of})`, `/incidents/${biggest.id}`],
    ]) {
      const r = await pageLatency(app.base, path);
      row(`7 ${name}`, `p95 ${ms(r.p95)} (p50 ${ms(r.p50)}, ${(r.bytes / 1024).toFixed(0)} KiB)`, 'p95 ≤ 150 ms', r.p95 <= 150, r);
    }
    if (biggest.reportCount !== BURST) console.log(`  (the burst left its incident with ${biggest.reportCount} reports)`);
  }
  if (want('match')) {
    await fillHistory(databaseUrl, LARGE_HISTORY, ids);
    const large = await intakeLatency(app.base, databaseUrl, consumers);
    const label = `${LARGE_HISTORY / 1000} k`;
    row('5 p50 intake, 10 k stored reports', ms(small), 'reference', undefined, { p50: small });
    row(
      `5 p50 intake, ${label} stored reports`,
      `${ms(large)} (× ${(large / small).toFixed(2)})`,
      `≤ 1.5 × the 10 k figure`,
      large <= 1.5 * small,
      {
        p50: large,
        ratio: large / small,
      },
    );
  }
  await app.stop();
}

/** Figure 3: the same burst on the embedded database. */
async function embeddedRun() {
  console.log('\n[embedded database] burst');
  const app = await startApp({ dataDir: tempDir('embedded') });
  await publishCatalogue(app.base);
  const consumers = await registerConsumers(app.base, 50);
  const cold = await burst(app.base, consumers, 'test', app);
  row('3 burst on the embedded database, cold app (test environment)', loadLine(cold), 'reference', undefined, cold);
  const b = await burst(app.base, consumers, 'production', app);
  row('3 burst on the embedded database: answers', `${b.created} of ${BURST} 201`, `all ${BURST} 201`, b.created === BURST, b);
  row('3 burst on the embedded database: incidents', String(b.incidents), 'exactly 1', b.incidents === 1);
  const r = ratio(b.perSecond, measured.burst);
  row(
    '3 burst on the embedded database: throughput',
    `${rps(b.perSecond)}, p99 ${ms(b.p99)} (${times(r)} PostgreSQL burst)`,
    '≥ 0.25 × the PostgreSQL burst',
    atLeast(r, 0.25),
  );
  row('3 burst on the embedded database: CPU of the app per report', cpuLine(b, 'the database’s included'), 'reference', undefined);
  await app.stop();
}

/** Figure 4: one API process, then two as a Node cluster on one port, with two workers on one database. */
async function scaleRun() {
  console.log('\n[scale-out] one API process, then two as a Node cluster on one port; two workers');
  const databaseUrl = await freshDatabase('scale');
  const dataDir = tempDir('scale'); // shared: the generated session secret and encryption key
  // The cluster's first process migrates the fresh database; the workers start on the migrated schema.
  const apis = await startApiCluster({ databaseUrl, dataDir });
  const workers = await Promise.all([
    startApp({ entry: WORKER, databaseUrl, dataDir, http: false }),
    startApp({ entry: WORKER, databaseUrl, dataDir, http: false }),
  ]);
  await publishCatalogue(apis.base);
  const consumers = await registerConsumers(apis.base, 50);
  const key = { authorization: `Bearer ${consumers[0].key}` };

  // One API first, then both; each measured burst opens its own production incident (the first is
  // resolved before the second), and each is preceded by a burst on the test environment that warms
  // the processes serving it (JIT, pool connections, prepared statements), as figure 2's is.
  const oneMe = await throughput(apis.base, '/api/v1/me', key);
  await burst(apis.base, consumers, 'test');
  const oneBurst = await burst(apis.base, consumers, 'production', null, { amount: SCALE_BURST });
  await apis.grow();
  const twoMe = await throughput(apis.base, '/api/v1/me', key);
  await burst(apis.base, consumers, 'test');
  await dbQuery(databaseUrl, `UPDATE incident SET status = 'resolved', resolved_at = now() WHERE id = ANY($1)`, [oneBurst.incidentIds]);
  const twoBurst = await burst(apis.base, consumers, 'production', null, { amount: SCALE_BURST });

  let escalation = null;
  if (twoBurst.incidents === 1) {
    // Ten requests at once open ten connections, which the cluster hands out to the two processes in turn.
    const [incidentId] = twoBurst.incidentIds;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call(apis.base, 'POST', `/api/v1/incidents/${incidentId}/escalate`)),
    );
    const ok = answers.filter((a) => a.status < 300);
    const survivor = ok[0]?.json.incidentId ?? incidentId;
    const [{ n }] = await dbQuery(databaseUrl, 'SELECT count(*)::int AS n FROM escalation WHERE incident_id = $1', [survivor]);
    escalation = { answered: ok.length, messageIds: new Set(ok.map((a) => a.json.messageId)).size, rows: n };
  }
  const alive = (apis.exited() ? 0 : apis.processes()) + workers.filter((p) => !p.exited()).length;

  const meFactor = twoMe.perSecond / oneMe.perSecond;
  const burstFactor = twoBurst.perSecond / oneBurst.perSecond;
  row('4 GET /api/v1/me, one API process', loadLine(oneMe), 'reference', undefined, oneMe);
  row('4 GET /api/v1/me, two API processes', `${loadLine(twoMe)} (× ${meFactor.toFixed(2)})`, '≥ one API', meFactor >= 1, {
    ...twoMe,
    factor: meFactor,
  });
  row(
    `4 burst of ${SCALE_BURST.toLocaleString('en')} reports, one API process`,
    `${loadLine(oneBurst)}; ${oneBurst.created} 201, ${oneBurst.incidents} incident(s)${busyLine(oneBurst)}`,
    'reference',
    undefined,
    oneBurst,
  );
  row(
    `4 burst of ${SCALE_BURST.toLocaleString('en')} reports, two API processes`,
    `${loadLine(twoBurst)} (× ${burstFactor.toFixed(2)})${busyLine(twoBurst)}`,
    '≥ one API',
    burstFactor >= 1,
    {
      ...twoBurst,
      factor: burstFactor,
    },
  );
  row(
    '4 burst across two APIs: answers',
    `${twoBurst.created} of ${SCALE_BURST} 201`,
    `all ${SCALE_BURST} 201`,
    twoBurst.created === SCALE_BURST,
  );
  row('4 burst across two APIs: incidents', String(twoBurst.incidents), 'exactly 1', twoBurst.incidents === 1);
  row(
    '4 10 concurrent escalations across both APIs',
    escalation
      ? `${escalation.answered} of 10 answered, ${escalation.messageIds} Message-ID(s), ${escalation.rows} escalation row(s)`
      : 'not tried: the burst did not make one incident',
    'one Message-ID, one escalation row',
    escalation ? escalation.answered === 10 && escalation.messageIds === 1 && escalation.rows === 1 : false,
    escalation ?? {},
  );
  if (alive < 4) row('4 processes alive at the end', `${alive} of 4`, 'all 4', false);
  for (const p of [apis, ...workers]) await p.stop();
}

/** Figure 6: a change notice to 1,000 contacts delivered to a local SMTP sink. */
async function noticesRun() {
  console.log('\n[notices] a change notice to 1,000 contacts');
  const sink = await startSmtpSink();
  const databaseUrl = await freshDatabase('notices');
  const app = await startApp({ databaseUrl, dataDir: tempDir('notices'), smtpPort: sink.port });
  await publishCatalogue(app.base);
  await registerConsumers(app.base, NOTICE_CONSUMERS, { contacts: 2, keys: false });
  sink.marker = `Benchvarsel ${randomBytes(4).toString('hex')}`;
  const notice = await must(app.base, 'POST', '/api/v1/notices', {
    body: {
      title: sink.marker,
      body: 'Måling av utsending.',
      services: [SERVICE],
      environments: ['production'],
      effectiveAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
  });
  const t0 = performance.now();
  const sent = await must(app.base, 'POST', `/api/v1/notices/${notice.id}/send`);
  const queuedMs = performance.now() - t0;
  const until = Date.now() + 300_000;
  while (sink.delivered < sent.recipients && Date.now() < until) await sleep(50);
  const rate = sink.delivered / Math.max((sink.lastAt - t0) / 1000, 0.001);
  row('6 notice queued (send request)', `${(queuedMs / 1000).toFixed(2)} s for ${sent.recipients} contacts`, '≤ 2 s', queuedMs <= 2000, {
    queuedMs,
    recipients: sent.recipients,
  });
  row(
    '6 notice delivered to the SMTP sink',
    `${rate.toFixed(0)} messages/s, ${sink.delivered} of ${sent.recipients} delivered`,
    '≥ 100 messages/s, all delivered',
    rate >= 100 && sink.delivered === sent.recipients,
    { rate, delivered: sink.delivered },
  );
  await app.stop();
}

// ---------------------------------------------------------------- main

const cores = os.cpus().length;
const loadAtStart = os.loadavg();
const startedAt = new Date();
const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`bench${QUICK ? ' --quick' : ''}: ${ONLY.join(', ')}; ${cores} cores, load average ${load(loadAtStart)}`);
if (loadAtStart[0] > cores)
  console.warn(`WARNING: the 1-minute load average (${loadAtStart[0].toFixed(2)}) exceeds the ${cores} cores: these figures mean little.`);

async function cleanUp() {
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch (e) {
      console.error(`cleanup: ${e.message}`);
    }
  }
}
// Interrupted: still stop the children and drop the databases.
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

let failure = null;
try {
  if (want('pipeline', 'burst', 'match', 'pages')) await postgresRun();
  if (want('embedded')) await embeddedRun();
  if (want('scale')) await scaleRun();
  if (want('notices')) await noticesRun();
} catch (e) {
  failure = e;
} finally {
  await cleanUp();
}

const loadAtEnd = os.loadavg();
const machine =
  `${cores} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ` +
  `load average ${load(loadAtStart)} at start, ${load(loadAtEnd)} at end` +
  (loadAtStart[0] > cores ? ' (WARNING: loaded machine; the figures mean little)' : '');
const head = ['figure', 'measured', 'target', 'met'];
rows.sort((a, b) => parseInt(a.figure) - parseInt(b.figure)); // measured in run order, shown in figure order
const cells = rows.map((r) => [r.figure, r.measured, r.target, r.met]);
const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) => c.map((x, i) => x.padEnd(width[i])).join(' | ');
console.log(`\n${line(head)}\n${width.map((w) => '-'.repeat(w)).join('-|-')}\n${cells.map(line).join('\n')}`);
console.log(`\n${machine}${QUICK ? '; --quick' : ''}`);

mkdirSync('test-results', { recursive: true });
writeFileSync(
  'test-results/bench.json',
  JSON.stringify(
    {
      startedAt,
      quick: QUICK,
      figures: ONLY,
      machine: { cores, cpu: os.cpus()[0]?.model.trim(), node: process.version, loadAtStart, loadAtEnd, summary: machine },
      rows,
      ...(failure ? { error: String(failure.stack ?? failure) } : {}),
    },
    null,
    2,
  ) + '\n',
);
console.log('written to test-results/bench.json');
// A missed target is a figure to read, not a failure of the command; only a run that broke exits non-zero.
if (failure) {
  console.error(failure);
  process.exitCode = 1;
}
