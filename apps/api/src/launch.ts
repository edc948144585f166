import 'reflect-metadata';

import { AppConfig, ConfigError, loadConfig } from '@domain/shared/config/app-config';
import { CoreModule } from '@domain/shared/core.module';
import {
  DatabaseConnection,
  DataDirectoryInUseError,
  EmbeddedPostgres,
  startEmbeddedPostgres,
} from '@domain/shared/database/embedded-postgres';
import { DynamicModule, INestApplicationContext, Logger as NestLogger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { WorkerModule } from '../../worker/src/worker.module';
import { ApiModule } from './api.module';
import { configureHttp } from './http/configure-http';

export interface Roles {
  api: boolean;
  worker: boolean;
}

export function rootModule(config: AppConfig, database: DatabaseConnection, roles: Roles): DynamicModule {
  @Module({})
  class RootModule {}
  return {
    module: RootModule,
    imports: [CoreModule.forRoot(config, database), ...(roles.api ? [ApiModule] : []), ...(roles.worker ? [WorkerModule] : [])],
  };
}

/** Builds the HTTP application (not listening yet); used by the launcher and by e2e tests. */
export async function createHttpApp(
  config: AppConfig,
  database: DatabaseConnection,
  roles: Roles = { api: true, worker: true },
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule(config, database, roles), {
    bufferLogs: true,
    bodyParser: false,
  });
  configureHttp(app, config);
  await app.init();
  return app;
}

function fail(message: string): never {
  process.stderr.write(`segment-desk: ${message}\n`);
  process.exit(1);
}

/**
 * Starts a process: API, worker or both. Without DATABASE_URL the embedded PostgreSQL is
 * started in DATA_DIR (only the all-in-one start may do that: replicas need a shared server).
 */
export async function launch(roles: Roles, opts: { embeddedAllowed: boolean }): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(`invalid configuration: ${e.message}`);
    throw e;
  }
  if (!config.databaseUrl && !opts.embeddedAllowed)
    fail('DATABASE_URL is required when the API and the worker run as separate processes (npm start runs both on the embedded database).');

  let embedded: EmbeddedPostgres | null = null;
  try {
    embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.databasePoolSize + 5);
  } catch (e) {
    if (e instanceof DataDirectoryInUseError) fail(e.message);
    throw e;
  }
  const database: DatabaseConnection = embedded ?? { url: config.databaseUrl!, poolSize: config.databasePoolSize };

  let app: INestApplicationContext;
  try {
    if (roles.api) {
      const http = await createHttpApp(config, database, roles);
      await http.listen(config.port, config.host);
      app = http;
    } else {
      app = await NestFactory.createApplicationContext(rootModule(config, database, roles), { bufferLogs: true });
      app.useLogger(app.get((await import('nestjs-pino')).Logger));
      await app.init();
    }
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
  const logger = new NestLogger('Launcher');
  logger.log(
    `segment-desk ${[roles.api && 'api', roles.worker && 'worker'].filter(Boolean).join(' + ')} ready${roles.api ? ` on ${config.publicUrl} (port ${config.port})` : ''}${embedded ? `, embedded PostgreSQL in ${config.dataDir}` : ''}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: finishing in-flight work and stopping`);
    const force = setTimeout(() => {
      process.stderr.write('segment-desk: shutdown took too long; exiting\n');
      process.exit(1);
    }, 25_000);
    force.unref();
    try {
      await app.close();
      await embedded?.stop();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
