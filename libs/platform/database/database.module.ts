import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DatabaseSchema, DatabaseTimeouts, dataSourceOptions } from './data-source-options';
import { DatabaseAvailability } from './database-availability';
import { DatabaseContext } from './database-context';
import { DATABASE_URL, DatabaseNotifications } from './database-notifications';
import { applicationRole, grantApplicationRole } from './database-roles';
import type { DatabaseConnection } from './embedded-postgres';
import { MOVED_FROM_ANOTHER_CLUSTER, runMigrations } from './run-migrations';

const SCHEMA_OPTIONS = Symbol('SCHEMA_OPTIONS');

interface SchemaOptions {
  schema: DatabaseSchema;
  migrationUrl: string | null;
}

@Injectable()
class MigrateOnStart implements OnModuleInit {
  private readonly logger = new Logger('Migrations');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SCHEMA_OPTIONS) private readonly options: SchemaOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    const { migrationUrl, schema } = this.options;
    if (!migrationUrl) return this.report(await runMigrations(this.dataSource));
    // As the owner, on a connection of its own; then the application's role gets what it may do.
    const owner = await new DataSource(dataSourceOptions(migrationUrl, 1, schema)).initialize();
    try {
      this.report(await runMigrations(owner));
      await grantApplicationRole(owner, applicationRole(this.dataSource), schema.appendOnlyTables);
    } finally {
      await owner.destroy();
    }
  }

  private report(done: string[]): void {
    const applied = done.filter((d) => d !== MOVED_FROM_ANOTHER_CLUSTER);
    if (applied.length) this.logger.log(`Applied migrations: ${applied.join(', ')}`);
    if (applied.length < done.length)
      this.logger.warn(`The database runs in another PostgreSQL cluster than before: ${MOVED_FROM_ANOTHER_CLUSTER}`);
  }
}

@Global()
@Module({})
export class DatabaseModule {
  /** `timeouts` for a server (the embedded database runs in this process and cannot go away). */
  static forRoot(database: DatabaseConnection, schema: DatabaseSchema, timeouts?: DatabaseTimeouts): DynamicModule {
    const options: SchemaOptions = { schema, migrationUrl: database.migrationUrl ?? null };
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRootAsync({ useFactory: () => dataSourceOptions(database.url, database.poolSize, schema, timeouts) })],
      providers: [
        DatabaseContext,
        MigrateOnStart,
        { provide: SCHEMA_OPTIONS, useValue: options },
        { provide: DATABASE_URL, useValue: database.url },
        DatabaseNotifications,
        ...(timeouts ? [DatabaseAvailability] : []),
      ],
      exports: [DatabaseContext, DatabaseNotifications],
    };
  }
}
