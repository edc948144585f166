import { DynamicModule, Module } from '@nestjs/common';

import { AppConfig, ConfigModule } from './config';
import { DatabaseConnection, DatabaseModule, DatabaseSchema } from './database';
import { EventsModule } from './events';
import { HeartbeatModule } from './heartbeat';
import { AppLoggerModule, PersonalDataMask } from './logging';
import { MailModule } from './mail';
import { RateLimitModule } from './rate-limit';

/** What the platform needs to know of the product it runs. */
export interface PlatformProduct {
  schema: DatabaseSchema;
  /** Applied to every log line's request description and to every e-mail rendered. */
  maskPersonalData: PersonalDataMask;
}

/**
 * What every process needs: config, logging, the database (migrated on start), e-mail, domain
 * events, the workers' heartbeats and the attempt counts every replica shares.
 */
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, database: DatabaseConnection, product: PlatformProduct): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        AppLoggerModule.forRoot(config, product.maskPersonalData),
        DatabaseModule.forRoot(
          database,
          product.schema,
          config.databaseUrl ? { connectMs: config.databaseConnectTimeoutMs, statementMs: config.databaseStatementTimeoutMs } : undefined,
        ),
        MailModule.forRoot(product.maskPersonalData),
        EventsModule,
        HeartbeatModule,
        RateLimitModule,
      ],
    };
  }
}
