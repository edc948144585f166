import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { organisationNumberCheckDigit } from '@domain/shared/identifiers/index';
import type { Page } from 'playwright-core';

import { AppProcess, freePort, startApp } from '../../support/app-process';

export const ADMIN_TOKEN = 'browser-test-admin-token-0123456789abcdef';

/** The apps this file has running, read by the test environment when a test fails (browser-test.environment.js). */
const RUNNING_APPS = Symbol.for('segment-desk.running-apps');

export interface DeskApp {
  app: AppProcess;
  base: string;
  /** Calls the JSON API with the bootstrap admin's token. */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }>;
  close(): Promise<void>;
}

/**
 * Starts the whole built application (API, admin UI, worker; Jest's global setup builds it) on a
 * fresh embedded database, copied from the one the global setup migrated (the app's start on an
 * empty directory is tested in launch.e2e-spec.ts).
 */
export async function startDeskApp(env: Record<string, string> = {}): Promise<DeskApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'segment-desk-browser-'));
  const migrated = process.env.SEGMENT_DESK_TEST_PGDATA_MIGRATED;
  if (migrated) cpSync(migrated, join(dataDir, 'pgdata'), { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // No SMTP_URL: e-mail is delivered locally and read back through the outbox API.
  const app = await startApp(
    {
      DATA_DIR: dataDir,
      PUBLIC_URL: base,
      BOOTSTRAP_ADMIN_EMAIL: 'bootstrap@ks.example.test',
      BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
      MAIL_FROM: 'segment@ks.example.test',
      ...env,
    },
    port,
  );
  const running = ((globalThis as Record<symbol, AppProcess[]>)[RUNNING_APPS] ??= []);
  running.push(app);
  return {
    app,
    base,
    async api(method, path, body) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: (text ? JSON.parse(text) : null) as never };
    },
    async close() {
      await app.stop('SIGTERM');
      running.splice(running.indexOf(app), 1);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface OutboxSummary {
  id: string;
  template: string;
  to: string[];
}

/** A valid organisation number (9 digits, starting with 9) from the first seed at or after `seed` that has a check digit. */
export function orgNumber(seed: number): string {
  for (let n = seed; ; n++) {
    const first8 = `9${String(n).padStart(7, '0')}`;
    const check = organisationNumberCheckDigit(first8);
    if (check !== undefined) return `${first8}${check}`;
  }
}

/** The answer's body; an error naming `what` when the API refused. */
export async function expectOk<T>(call: Promise<{ status: number; json: T }>, what: string): Promise<T> {
  const res = await call;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

/** What the app has sent or queued, newest first. */
export function outbox(desk: DeskApp): Promise<OutboxSummary[]> {
  return expectOk(desk.api<OutboxSummary[]>('GET', '/api/v1/outbox?limit=500'), 'outbox');
}

/** Signs a municipality's contact in to the portal on `page`, with the link from the e-mail. */
export async function portalSignIn(desk: DeskApp, page: Page, email: string): Promise<Page> {
  await page.goto('/portal/login');
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByRole('button', { name: 'Send innloggingslenke' }).click();
  await expect(page.getByRole('status').textContent()).resolves.toContain('innloggingslenke');
  const mail = (await outbox(desk)).find((m) => m.template === 'portal-sign-in' && m.to.includes(email));
  const message = await expectOk(desk.api<{ text: string }>('GET', `/api/v1/outbox/${mail!.id}`), 'sign-in mail');
  const link = /https?:\/\/\S+\/portal\/login\/[^\s)>"]+/.exec(message.text)![0];
  await page.goto(link);
  await Promise.all([page.waitForURL((url) => url.pathname === '/portal'), page.getByRole('button', { name: 'Logg inn' }).click()]);
  return page;
}

/** Creates a staff user through the API and returns the one-time password link from the e-mail it queued. */
export async function createStaffUser(desk: DeskApp, email: string, name: string, role: string): Promise<{ id: string; link: string }> {
  const created = await desk.api<{ id: string }>('POST', '/api/v1/staff', { email, name, role });
  if (created.status !== 201) throw new Error(`could not create ${email}: ${created.status} ${JSON.stringify(created.json)}`);
  const list = await desk.api<OutboxSummary[]>('GET', '/api/v1/outbox?limit=500');
  const mail = list.json.find((m) => m.template === 'password-set' && m.to.includes(email));
  if (!mail) throw new Error(`no password e-mail for ${email} in the outbox`);
  const message = await desk.api<{ text: string }>('GET', `/api/v1/outbox/${mail.id}`);
  const link = /(https?:\/\/\S+\/password\/\S+)/.exec(message.json.text)?.[1];
  if (!link) throw new Error(`no password link in the e-mail to ${email}`);
  return { id: created.json.id, link };
}
