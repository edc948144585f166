import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@platform/config';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import pino from 'pino';

import { type PersonalDataMask, requestLogging } from './request-logging';

/** The request log (request-logging.ts), for the HTTP setup to run first on every request. */
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
        // No middleware of its own (no routes): the request log's hook opens nestjs-pino's request
        // context, so everything the request runs logs under its id. Without pino-http's serializers,
        // which would read the request log's plain `req`/`res` fields as Node's objects.
        LoggerModule.forRoot({ pinoHttp: { logger: root, autoLogging: false, wrapSerializers: false }, forRoutes: [] }),
      ],
      providers: [
        {
          provide: REQUEST_LOGGING,
          inject: [PinoLogger],
          useFactory: (logs: PinoLogger) =>
            requestLogging(mask, (bindings, next) => logs.runInContext(() => next(logs.logger), { bindings })),
        },
      ],
      exports: [LoggerModule, REQUEST_LOGGING],
    };
  }
}
