import { DynamicModule, Module } from '@nestjs/common';
import { NotificationsModule } from '@notifications/notifications.module';

import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import type { DatabaseConnection } from './database/embedded-postgres';
import { AppLoggerModule } from './logging/logger.module';

/** What every process needs: config, logging, the database (migrated on start) and e-mail. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, database: DatabaseConnection): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        AppLoggerModule.forRoot(config),
        DatabaseModule.forRoot(database.url, database.poolSize),
        NotificationsModule,
      ],
    };
  }
}
