import { createHttpApp, type ProcessRole } from '@composition';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@platform/config';
import { DeliverOutbox } from '@platform/mail';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { API_ROLE } from '../../apps/api/src/api-role';
import { ADMIN_TOKEN, testConfig, testConnection } from './test-config';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
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

/** The whole HTTP application on a fresh database, with the bootstrap admin created; `roles` adds parts of the worker. */
export async function createTestApp(env: Record<string, string> = {}, roles: ProcessRole[] = []): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(db, env);
  const app = await createHttpApp(config, testConnection(db, config), [API_ROLE, ...roles]);
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
