import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@platform/config';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';

import { type PersonalDataMask, requestLogging } from './request-logging';

/** The request-logging middleware (request-logging.ts), for the HTTP setup to mount first. */
export const REQUEST_LOGGING = Symbol('REQUEST_LOGGING');
export type RequestLogging = ReturnType<typeof requestLogging>;

/**
 * Structured JSON logs with a request id (pretty in development). Credentials, cookies and
 * bodies are never logged: report texts may hold personal data.
 */
@Module({})
export class AppLoggerModule {
  static forRoot(config: AppConfig, mask: PersonalDataMask): DynamicModule {
    const root = pino({
      level: config.logLevel,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'req.headers["idempotency-key"]'],
        censor: '[redacted]',
      },
      transport:
        config.nodeEnv === 'development'
          ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } }
          : undefined,
    });
    return {
      module: AppLoggerModule,
      imports: [
        // The request's logger comes from requestLogging; nestjs-pino binds it to what the request runs.
        LoggerModule.forRoot({ pinoHttp: { logger: root, autoLogging: false }, useExisting: true }),
      ],
      providers: [{ provide: REQUEST_LOGGING, useValue: requestLogging(root, mask) }],
      exports: [LoggerModule, REQUEST_LOGGING],
    };
  }
}
