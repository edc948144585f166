import { createHttpApp } from '@composition';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, loadConfig } from '@platform/config/app-config';
import { DeliverOutbox } from '@platform/mail/deliver-outbox.use-case';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { API_ROLE } from '../../apps/api/src/api-role';
import { createTestDatabase, TestDatabase } from './test-database';

export const ADMIN_EMAIL = 'admin@ks.example.test';
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdefghijklmnop';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  config: AppConfig;
  db: TestDatabase;
  dataSource: DataSource;
  adminToken: string;
  /** Runs outbox delivery passes until nothing is due (the worker is not running in tests). */
  deliverMail(): Promise<number>;
  get<T>(type: new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/** The whole HTTP application on a fresh database, with the bootstrap admin created. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({
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
  const app = await createHttpApp(config, { url: db.url, poolSize: db.kind === 'server' ? config.databasePoolSize : db.poolSize }, [
    API_ROLE,
  ]);
  const deliver = app.get(DeliverOutbox);
  return {
    app,
    http: request(app.getHttpServer()),
    config,
    db,
    dataSource: app.get(DataSource),
    adminToken: ADMIN_TOKEN,
    async deliverMail() {
      let total = 0;
      for (let n = await deliver.execute(); n > 0; n = await deliver.execute()) total += n;
      return total;
    },
    get: (type) => app.get(type),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
