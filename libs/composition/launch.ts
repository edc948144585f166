import 'reflect-metadata';

import type { Duplex } from 'node:stream';

import { OpenFirstAdminSetup } from '@domain/identity';
import { withoutNationalIdentityNumbers } from '@domain/shared';
import { DynamicModule, INestApplicationContext, Logger as NestLogger, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { PlatformModule } from '@platform';
import { AppConfig, ConfigError, loadConfig } from '@platform/config';
import { DatabaseConnection, DataDirectoryInUseError, EmbeddedPostgres, startEmbeddedPostgres } from '@platform/database';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { DATABASE_SCHEMA } from './database-schema';

/** What a process runs: the API, the worker, or both. Each app's main.ts names its roles. */
export interface ProcessRole {
  /** For the start-up log line. */
  name: string;
  module: Type<unknown>;
  /** Roles that serve HTTP set up the HTTP surface (at most one role does). */
  configureHttp?: (app: NestFastifyApplication, config: AppConfig) => Promise<void>;
  /** How that role answers errors Fastify meets before any route runs (a path it cannot decode). */
  answerFrameworkError?: (error: Error, req: FastifyRequest, reply: FastifyReply) => void;
  /** How it answers what Node's HTTP parser refuses before Fastify has a request (headers too large). */
  answerClientError?: (error: Error, socket: Duplex) => void;
}

/** The composition root: the platform with the product's schema, then the roles' modules. */
export function rootModule(config: AppConfig, database: DatabaseConnection, roles: ProcessRole[]): DynamicModule {
  @Module({})
  class RootModule {}
  return {
    module: RootModule,
    imports: [
      PlatformModule.forRoot(config, database, { schema: DATABASE_SCHEMA, maskPersonalData: withoutNationalIdentityNumbers }),
      ...roles.map((r) => r.module),
    ],
  };
}

/**
 * Fastify rather than Express: the same NestJS controller answers about four times as many
 * requests per second on it (see the README's benchmark), and the request pipeline is where
 * intake spent its time.
 */
const HTTP_SERVER_OPTIONS = {
  bodyLimit: 2 * 1024 * 1024,
  // While the server drains on shutdown, a request that arrives on a connection still open (its
  // client's previous request was in flight as closing began) is served, with `Connection:
  // close`; Fastify's default answered it with a 503 of its own, not a problem document. The
  // database stays open until the server has closed.
  return503OnClosing: false,
  routerOptions: {
    // A link or bookmark with a trailing slash or other capitals finds the page, as it did before
    // (path parameters keep their case).
    ignoreTrailingSlash: true,
    caseSensitive: false,
    // A path parameter of any length reaches the route, whose validation names it in a 400; the
    // router's own limit (100) would answer 414 outside the problem format.
    maxParamLength: 16 * 1024,
  },
};

const httpRole = (roles: ProcessRole[]) => roles.find((r) => r.configureHttp);

/** Builds the HTTP application (not listening yet); used by the launcher and by e2e tests. */
export async function createHttpApp(
  config: AppConfig,
  database: DatabaseConnection,
  roles: ProcessRole[],
): Promise<NestFastifyApplication> {
  const http = httpRole(roles);
  if (!http?.configureHttp) throw new Error('createHttpApp needs a role that serves HTTP');
  const app = await NestFactory.create<NestFastifyApplication>(
    rootModule(config, database, roles),
    new FastifyAdapter({
      ...HTTP_SERVER_OPTIONS,
      // Only the configured proxies (by default one on the same host, the usual TLS terminator) may say who the client is.
      trustProxy: config.trustProxy,
      frameworkErrors: http.answerFrameworkError,
      ...(http.answerClientError ? { clientErrorHandler: http.answerClientError } : {}),
    }),
    {
      bufferLogs: true,
    },
  );
  await http.configureHttp(app, config);
  await app.init();
  // Fastify takes its routes and plugins at ready; requests injected before it (tests) would miss them.
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/**
 * Without staff users nobody can sign in: a one-time link to create the first admin goes to the
 * log (warn, so it shows at the default and the quietest usual level), for whoever runs the server.
 */
async function announceFirstAdminSetup(app: INestApplicationContext, logger: NestLogger): Promise<void> {
  const setup = await app.get(OpenFirstAdminSetup, { strict: false }).execute();
  if (setup) logger.warn(`No staff users yet: create the first admin at ${setup.link} (valid 24 h; a restart makes a new link)`);
}

function fail(message: string): never {
  process.stderr.write(`segment-desk: ${message}\n`);
  process.exit(1);
}

/**
 * Starts a process: API, worker or both. Without DATABASE_URL the embedded PostgreSQL is
 * started in DATA_DIR (only the all-in-one start may do that: replicas need a shared server).
 */
export async function launch(roles: ProcessRole[], opts: { embeddedAllowed: boolean }): Promise<void> {
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
  const database: DatabaseConnection = embedded ?? {
    url: config.databaseUrl!,
    poolSize: config.databasePoolSize,
    migrationUrl: config.migrationDatabaseUrl,
  };

  let app: INestApplicationContext;
  try {
    if (httpRole(roles)) {
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
    `segment-desk ${roles.map((r) => r.name).join(' + ')} ready` +
      (httpRole(roles) ? ` on ${config.publicUrl} (port ${config.port})` : '') +
      (embedded ? `, embedded PostgreSQL in ${config.dataDir}` : ''),
  );
  if (httpRole(roles)) await announceFirstAdminSetup(app, logger);
  // Every link in e-mail and every Message-ID's domain comes from it; recipients cannot reach localhost.
  if (config.nodeEnv === 'production' && new URL(config.publicUrl).hostname === 'localhost')
    logger.warn(`PUBLIC_URL is not set: links and Message-IDs in e-mail name ${config.publicUrl}, which recipients cannot reach`);

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
