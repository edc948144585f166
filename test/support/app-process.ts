import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
/** The entry points in dist/, as `npm start`, `npm run start:api` and `npm run start:worker` run them. */
export type AppEntry = 'all-in-one' | 'api' | 'worker';
const entryPath = (entry: AppEntry) => join(ROOT, 'dist', 'apps', entry, 'src', 'main.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The built application (all-in-one unless another entry is named) running as a child process. */
export class AppProcess {
  stdout = '';
  stderr = '';
  exit: Exit | null = null;
  readonly exited: Promise<Exit>;
  private readonly child: ChildProcess;

  constructor(
    readonly port: number,
    env: Record<string, string>,
    entry: AppEntry = 'all-in-one',
  ) {
    // Only what is given: the test's own DATABASE_URL, NODE_OPTIONS etc. must not leak in.
    this.child = spawn(process.execPath, [entryPath(entry)], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d: Buffer) => (this.stdout += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      }),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Polls /health until it answers 200; fails at once if the process exits, or at the deadline. */
  async waitUntilHealthy(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exit) throw new Error(`the app exited (${JSON.stringify(this.exit)}) before it was healthy:\n${this.stderr}${this.stdout}`);
      const healthy = await fetch(`${this.base}/health`, { signal: AbortSignal.timeout(2_000) })
        .then((r) => r.status === 200)
        .catch(() => false);
      if (healthy) return;
      await Promise.race([new Promise((r) => setTimeout(r, 100)), this.exited]);
    }
    throw new Error(`no healthy answer from ${this.base}/health within ${timeoutMs} ms:\n${this.stderr}${this.stdout}`);
  }

  /** Waits until the process's output matches `pattern` (as each chunk arrives); the match, or a failure at the deadline or exit. */
  async waitForOutput(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.stdout + this.stderr);
      if (match) return match;
      if (this.exit || Date.now() > deadline)
        throw new Error(`no ${pattern} in the output of pid ${this.pid}:\n${this.stdout}${this.stderr}`);
      await Promise.race([
        new Promise((resolve) => this.child.stdout!.once('data', resolve)),
        new Promise((resolve) => this.child.stderr!.once('data', resolve)),
        new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())).unref()),
        this.exited,
      ]);
    }
  }

  /** Waits for the process to end by itself, failing at the deadline. */
  async waitForExit(timeoutMs = 30_000): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`pid ${this.pid} still running after ${timeoutMs} ms:\n${this.stderr}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<Exit> {
    if (this.exit) return this.exit;
    this.child.kill(signal);
    return this.waitForExit(timeoutMs);
  }
}

/**
 * Starts the built app (on a free port unless given) and waits for its own ready line, which
 * names the port it listens on, then for /health. A /health answer alone could come from another
 * test's app that took the port between the look-up and this app's listen (it starts its
 * database first, which takes seconds); this app then fails with EADDRINUSE and is started
 * again on another port.
 */
export async function startApp(env: Record<string, string>, port?: number, entry: AppEntry = 'all-in-one'): Promise<AppProcess> {
  for (let attempt = 1; ; attempt++) {
    const app = new AppProcess(port ?? (await freePort()), { LOG_LEVEL: 'info', ...env }, entry);
    try {
      await app.waitForOutput(new RegExp(`segment-desk .*ready on \\S+ \\(port ${app.port}\\)`), 90_000);
      await app.waitUntilHealthy();
      return app;
    } catch (e) {
      await app.stop('SIGKILL');
      if (port === undefined && attempt < 3 && /EADDRINUSE/.test(app.stdout + app.stderr)) continue;
      throw e;
    }
  }
}

/** Starts the built worker alone (no HTTP) and waits for its ready line. */
export async function startWorker(env: Record<string, string>): Promise<AppProcess> {
  const worker = new AppProcess(0, { ...env, LOG_LEVEL: 'info' }, 'worker');
  try {
    await worker.waitForOutput(/segment-desk worker ready/, 90_000);
  } catch (e) {
    await worker.stop('SIGKILL');
    throw e;
  }
  return worker;
}
