import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { AppProcess, ROOT, startApp } from '../../support/app-process';
import { orgNumber } from '../../support/fixtures';

const TOKEN = 'cli-test-admin-token-0123456789abcdefghij';
const CLI = join(ROOT, 'dist', 'apps', 'api', 'src', 'cli.js');
const run = promisify(execFile);

/**
 * The CLI beside the running app on the embedded database, as an operator uses it: the app
 * publishes where its database is served, and the CLI works through it instead of refusing
 * (only one process may open the data directory). dist/ is built by Jest's global setup.
 */
describe('the CLI while the app runs on the embedded database', () => {
  let dataDir: string;
  let app: AppProcess;
  const portFile = () => join(dataDir, 'segment-desk.port');
  const cli = async (...args: string[]) => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'production', DATA_DIR: dataDir };
    try {
      const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT, env, timeout: 280_000 });
      return { code: 0, output: stdout + stderr };
    } catch (e) {
      const failed = e as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: failed.stdout + failed.stderr };
    }
  };
  const api = async <T>(path: string, init: RequestInit = {}) => {
    const res = await fetch(`${app.base}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    });
    return { status: res.status, json: (await res.json()) as T };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'segment-desk-cli-'));
    app = await startApp({
      DATA_DIR: dataDir,
      BOOTSTRAP_ADMIN_EMAIL: 'admin@ks.example.test',
      BOOTSTRAP_ADMIN_TOKEN: TOKEN,
      MAIL_FROM: 'segment@ks.example.test',
    });
  }, 120_000);
  afterAll(async () => {
    await app?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes the port of its database next to the lock', () => {
    const published = JSON.parse(readFileSync(portFile(), 'utf8')) as { pid: number; port: number };
    expect(published).toEqual({ pid: app.pid, port: expect.any(Number) });
  });

  it('creates a staff user through the running app’s database', async () => {
    const result = await cli('staff:create', '--email', 'kari@ks.example.test', '--role', 'agent', '--name', 'Kari Nordmann');
    expect(result).toEqual({ code: 0, output: expect.stringContaining('Created kari@ks.example.test (agent)') });
    const staff = await api<Array<{ email: string }>>('/api/v1/staff');
    expect(staff.json.map((s) => s.email)).toContain('kari@ks.example.test');
  }, 120_000);

  it('loads the demonstration once: a second run adds nothing', async () => {
    const first = await cli('demo');
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/Demonstration: 176 municipalities registered, 343 reports replayed, [1-3] incidents escalated\./);
    const consumers = await api<{ total: number }>('/api/v1/consumers?limit=1');
    expect(consumers.json.total).toBe(176);
    const incidents = await api<unknown[]>('/api/v1/incidents?limit=200');
    expect(incidents.json.length).toBeGreaterThan(20);
    expect(incidents.json.length).toBeLessThan(343);

    const second = await cli('demo');
    expect(second.code).toBe(0);
    expect(second.output).toContain('already exists');
    expect(second.output).toContain('Demonstration: 0 municipalities registered, 0 reports replayed, 0 incidents escalated.');
    expect((await api<{ total: number }>('/api/v1/consumers?limit=1')).json.total).toBe(176);
  }, 300_000);

  it('refuses the demonstration once the registry holds a consumer of its own', async () => {
    const own = await api('/api/v1/consumers', {
      method: 'POST',
      body: JSON.stringify({ orgNumber: orgNumber(4242), name: 'Egen kommune' }),
    });
    expect(own.status).toBe(201);
    const refused = await cli('demo');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('not part of the demonstration');
  }, 120_000);

  it('removes the port file on stop; the CLI then opens the database itself', async () => {
    expect(await app.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(existsSync(portFile())).toBe(false);
    const result = await cli('staff:reset-password', '--email', 'kari@ks.example.test');
    expect(result).toEqual({ code: 0, output: expect.stringContaining('/password/') });
    expect(existsSync(join(dataDir, 'segment-desk.lock'))).toBe(false);
  }, 120_000);
});
