import { AppConfig, loadConfig } from '@platform/config';
import type { DatabaseConnection } from '@platform/database';

import type { TestDatabase } from './test-database';

export const ADMIN_EMAIL = 'admin@ks.example.test';
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdefghijklmnop';

/** The configuration every in-process test runs with: the bootstrap admin, a quiet log, no settle period. */
export function testConfig(db: TestDatabase, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: db.dataDir,
    PORT: '0',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
    BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
    MAIL_FROM: 'segment@ks.example.test',
    PUBLIC_URL: 'http://segmentdesk.test',
    // First messages go out at once unless a test is about the settle period.
    ESCALATION_SETTLE_SECONDS: '0',
    ...env,
  });
}

/** The embedded database serves a fixed number of connections; a server gets the configured pool. */
export function testConnection(db: TestDatabase, config: AppConfig): DatabaseConnection {
  return { url: db.url, poolSize: db.kind === 'server' ? config.databasePoolSize : db.poolSize };
}
