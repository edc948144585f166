import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AppProcess, Exit, freePort, startApp } from '../../support/app-process';

const TOKEN = 'launch-test-admin-token-0123456789abcdefgh';

/**
 * The built application as `npm start` runs it: configuration errors, the data directory lock,
 * clean shutdown and durability on the embedded database (always embedded here: those are its
 * properties; the server database is covered by the acceptance run's restart stage).
 */
describe('launching the built application', () => {
  let work: string;
  const running: AppProcess[] = [];

  // dist/ is built once per Jest run by the global setup (test/support/global-setup.js).
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'segment-desk-launch-'));
  });
  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop('SIGKILL')));
    rmSync(work, { recursive: true, force: true });
  });

  const env = (dataDir: string) => ({
    DATA_DIR: dataDir,
    BOOTSTRAP_ADMIN_EMAIL: 'admin@ks.example.test',
    BOOTSTRAP_ADMIN_TOKEN: TOKEN,
    MAIL_FROM: 'segment@ks.example.test',
  });
  const start = async (dataDir: string) => {
    const app = await startApp(env(dataDir));
    running.push(app);
    return app;
  };
  const api = (app: AppProcess, path: string, init: RequestInit = {}) =>
    fetch(`${app.base}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
    });
  /** What `/health/worker` answers: 200 once the app's worker has written its heartbeat. */
  const workerHealth = async (app: AppProcess) => (await fetch(`${app.base}/health/worker`)).status;
  const staffEmails = async (app: AppProcess) =>
    ((await (await api(app, '/api/v1/staff')).json()) as Array<{ email: string }>).map((u) => u.email).sort();
  const addStaff = async (app: AppProcess, email: string) =>
    expect((await api(app, '/api/v1/staff', { method: 'POST', body: JSON.stringify({ email, role: 'agent' }) })).status).toBe(201);

  describe('with an invalid configuration', () => {
    const cases: Array<[string, string]> = [
      ['PORT', 'abc'],
      ['PORT', '70000'],
      ['DATABASE_URL', 'mysql://x'],
      ['BOOTSTRAP_ADMIN_TOKEN', 'too-short'],
    ];
    const outcomes = new Map<string, Promise<{ exit: Exit; output: string }>>();
    beforeAll(async () => {
      // Started together: each spends most of its time loading code before it reads the configuration.
      for (const [variable, value] of cases) {
        const app = new AppProcess(await freePort(), { DATA_DIR: join(work, 'bad-config'), [variable]: value });
        running.push(app);
        const outcome = app.waitForExit(90_000).then((exit) => ({ exit, output: `${app.stdout}${app.stderr}` }));
        outcome.catch(() => undefined); // reported by the test that awaits it
        outcomes.set(`${variable}=${value}`, outcome);
      }
    });

    it.each(cases)(
      'refuses %s=%s with one line naming the variable and a non-zero exit',
      async (variable, value) => {
        const { exit, output } = await outcomes.get(`${variable}=${value}`)!;
        expect(exit.code).not.toBe(0);
        const lines = output.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^segment-desk: invalid configuration: ${variable}: `));
      },
      100_000,
    );
  });

  describe('on one data directory', () => {
    let dataDir: string;
    let lockFile: string;
    let first: AppProcess;
    beforeAll(() => {
      dataDir = join(work, 'data');
      lockFile = join(dataDir, 'segment-desk.lock');
    });
    const lockOwner = () => Number(readFileSync(lockFile, 'utf8').split(' ')[0]);

    it('starts on an empty directory with the bootstrap admin and holds a lock with its pid', async () => {
      first = await start(dataDir);
      expect(lockOwner()).toBe(first.pid);
      // Started without PUBLIC_URL, it says that e-mail would link to localhost.
      await first.waitForOutput(/PUBLIC_URL is not set: links and Message-IDs in e-mail name http:\/\/localhost:\d+/, 10_000);
      const me = await api(first, '/api/v1/me');
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ kind: 'staff', email: 'admin@ks.example.test', role: 'admin' });
      await addStaff(first, 'before-restart@ks.example.test');
      // Its worker wrote a heartbeat as it started.
      expect(await workerHealth(first)).toBe(200);
    }, 120_000);

    it('refuses a second process on the same directory with a clear message, leaving the first running', async () => {
      const second = new AppProcess(await freePort(), env(dataDir));
      running.push(second);
      const exit = await second.waitForExit(60_000);
      expect(exit.code).not.toBe(0);
      expect(second.stderr).toContain(`The data directory ${dataDir} is already in use by another segment desk process (pid ${first.pid})`);
      expect(lockOwner()).toBe(first.pid);
      expect((await fetch(`${first.base}/health`)).status).toBe(200);
    });

    it('stops cleanly on SIGTERM (exit code 0) and releases the lock', async () => {
      const exit = await first.stop('SIGTERM');
      expect(exit).toEqual({ code: 0, signal: null });
      expect(existsSync(lockFile)).toBe(false);
    });

    it('keeps the data across a restart; the bootstrap variables are not applied again', async () => {
      const again = await start(dataDir);
      expect((await api(again, '/api/v1/me')).status).toBe(200);
      expect(await workerHealth(again)).toBe(200);
      expect(await staffEmails(again)).toEqual(['admin@ks.example.test', 'before-restart@ks.example.test']);
      await addStaff(again, 'before-kill@ks.example.test');
      // Killed without any chance to clean up: the lock stays behind with a dead pid.
      expect((await again.stop('SIGKILL')).signal).toBe('SIGKILL');
      expect(existsSync(lockFile)).toBe(true);
    }, 120_000);

    it('recovers after kill -9: takes over the stale lock and still has every committed change', async () => {
      const recovered = await start(dataDir);
      expect(lockOwner()).toBe(recovered.pid);
      expect((await api(recovered, '/api/v1/me')).status).toBe(200);
      expect(await staffEmails(recovered)).toEqual([
        'admin@ks.example.test',
        'before-kill@ks.example.test',
        'before-restart@ks.example.test',
      ]);
      expect(await recovered.stop('SIGTERM')).toEqual({ code: 0, signal: null });
      expect(existsSync(lockFile)).toBe(false);
    }, 120_000);

    it('takes over a stale lock whose pid a live process has since been given', async () => {
      // After a crash and a reboot the old pid may belong to anything; its start time tells it apart.
      const stranger = spawn('sleep', ['60'], { stdio: 'ignore' });
      try {
        writeFileSync(lockFile, `${stranger.pid} 1`);
        const started = await start(dataDir);
        expect(lockOwner()).toBe(started.pid);
        expect(await started.stop('SIGTERM')).toEqual({ code: 0, signal: null });
      } finally {
        stranger.kill('SIGKILL');
      }
    }, 120_000);
  });
});
