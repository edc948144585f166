import * as pg from 'pg';
import { Client, type ClientConfig } from 'pg';
import { DataSourceOptions } from 'typeorm';

import { notifyingClient } from './database-notifications';
import { poolAwaitingItsConnections, preparingClient } from './prepared-statements';

/** The entities and migrations of the whole product; composed outside the platform. */
export interface DatabaseSchema {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity and migration classes
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /** Tables the application may only read and add to (with a migration role, its grants say so). */
  appendOnlyTables: string[];
}

/** How long the app waits on a PostgreSQL server; without them a lost server hangs requests until the OS gives up on TCP. */
export interface DatabaseTimeouts {
  /** Opening one connection. */
  connectMs: number;
  /** One statement (on the server), and reading its answer (in the client, for a connection that went silent). */
  statementMs: number;
}

/**
 * A client that gives up opening a connection after `connectMs`. Set on the client, not the pool:
 * the pool's own timeout would also bound waiting for a free connection, which is normal under load.
 */
function clientWithConnectTimeout(connectMs: number): typeof Client {
  return class extends Client {
    constructor(config: ClientConfig) {
      super({ ...config, connectionTimeoutMillis: connectMs });
    }
  };
}

export function dataSourceOptions(url: string, poolSize: number, schema: DatabaseSchema, timeouts?: DatabaseTimeouts): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite; uuid-ossp is not in PGlite.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    driver: { ...pg, Pool: poolAwaitingItsConnections(pg.Pool) },
    extra: {
      max: poolSize,
      application_name: 'segment-desk',
      Client: preparingClient(notifyingClient(timeouts ? clientWithConnectTimeout(timeouts.connectMs) : Client)),
      ...(timeouts
        ? {
            statement_timeout: timeouts.statementMs,
            query_timeout: timeouts.statementMs + timeouts.connectMs,
            keepAlive: true,
          }
        : {}),
    },
  };
}
