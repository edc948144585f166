import { randomUUID } from 'node:crypto';

import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@platform/config';
import { LoggerModule } from 'nestjs-pino';

/** Removes personal data (identity numbers) from a text; the rule itself belongs to the domain. */
export type PersonalDataMask = (text: string) => string;

/** The path only: query strings may carry free text, one-time links carry secrets, and no path may carry an identity number. */
export function loggableUrl(url: string, mask: PersonalDataMask): string {
  return mask(url.split('?')[0].replace(/\/(password|portal\/login)\/[^/]+/, '/$1/[token]'));
}

/**
 * Structured JSON logs with a request id (pretty in development). Credentials, cookies and
 * bodies are never logged: report texts may hold personal data.
 */
@Module({})
export class AppLoggerModule {
  static forRoot(config: AppConfig, mask: PersonalDataMask): DynamicModule {
    return {
      module: AppLoggerModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            redact: {
              paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'req.headers["idempotency-key"]'],
              censor: '[redacted]',
            },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: loggableUrl(req.url, mask),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req) => req.url === '/health' || (req.url ?? '').startsWith('/assets/') },
            transport:
              config.nodeEnv === 'development'
                ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } }
                : undefined,
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
