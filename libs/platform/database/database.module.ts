import { DynamicModule, Global, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DatabaseSchema, DatabaseTimeouts, dataSourceOptions } from './data-source-options';
import { DatabaseAvailability } from './database-availability';
import { DatabaseContext } from './database-context';
import { runMigrations } from './run-migrations';

@Injectable()
class MigrateOnStart implements OnModuleInit {
  private readonly logger = new Logger('Migrations');

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const applied = await runMigrations(this.dataSource);
    if (applied.length) this.logger.log(`Applied migrations: ${applied.join(', ')}`);
  }
}

@Global()
@Module({})
export class DatabaseModule {
  /** `timeouts` for a server (the embedded database runs in this process and cannot go away). */
  static forRoot(url: string, poolSize: number, schema: DatabaseSchema, timeouts?: DatabaseTimeouts): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRootAsync({ useFactory: () => dataSourceOptions(url, poolSize, schema, timeouts) })],
      providers: [DatabaseContext, MigrateOnStart, ...(timeouts ? [DatabaseAvailability] : [])],
      exports: [DatabaseContext],
    };
  }
}
