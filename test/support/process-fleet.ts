import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AppProcess } from './app-process';
import { SmtpCapture } from './smtp-capture';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface ProcessFleet {
  smtp: SmtpCapture;
  /** Every process a test starts, killed after the file. */
  running: AppProcess[];
  readonly database: TestDatabase;
  /** The environment the built app's processes start with. */
  env(): Record<string, string>;
}

/**
 * Built app processes (APIs, workers) on one fresh server database with a real SMTP server,
 * for tests of several processes; everything is stopped and removed after the file.
 */
export function processFleet(name: string, adminToken: string, extraEnv: Record<string, string> = {}): ProcessFleet {
  let work = '';
  let database: TestDatabase | null = null;
  const smtp = new SmtpCapture();
  const running: AppProcess[] = [];
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), `segment-desk-${name}-`));
    database = await createTestDatabase({ empty: true });
    await smtp.start();
  });
  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop('SIGKILL')));
    await smtp.stop();
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  });
  return {
    smtp,
    running,
    get database() {
      if (!database) throw new Error('the fleet database exists from beforeAll on');
      return database;
    },
    env: () => ({
      DATA_DIR: work,
      DATABASE_URL: database!.url,
      SMTP_URL: smtp.url,
      BOOTSTRAP_ADMIN_EMAIL: 'admin@ks.example.test',
      BOOTSTRAP_ADMIN_TOKEN: adminToken,
      MAIL_FROM: 'segment@ks.example.test',
      OUTBOX_POLL_MS: '100',
      ...extraEnv,
    }),
  };
}
