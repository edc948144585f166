import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Logger } from 'pino';

/** Removes personal data (identity numbers) from a text; the rule itself belongs to the domain. */
export type PersonalDataMask = (text: string) => string;

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's own request id is kept when it is plain enough to log as it is. */
const GIVEN_REQUEST_ID = /^[\w.-]{1,100}$/;
/** Probes and static files would drown the log; their failures show elsewhere. */
const UNLOGGED = /^\/(health(\/live)?(\?|$)|assets\/)/;

/** The path only: query strings may carry free text, one-time links carry secrets, and no path may carry an identity number. */
export function loggableUrl(url: string, mask: PersonalDataMask): string {
  return mask(url.split('?')[0].replace(/\/(password|portal\/login)\/[^/]+/, '/$1/[token]'));
}

type LoggedRequest = IncomingMessage & { id?: string; log?: Logger; originalUrl?: string };

/**
 * The request log: an id per request (the caller's `X-Request-Id` or a new one, echoed in the
 * answer), a request logger bound to it for everything logged while the request runs, and one
 * `request completed` line at info when it ends. Bodies, headers and query strings are never
 * logged.
 *
 * Written here rather than taken from pino-http, which serialises the whole request into a child
 * logger on every request, whether or not a line is ever written: a quarter of what a small API
 * request cost. Here the request is described only when its line is written.
 */
export function requestLogging(root: Logger, mask: PersonalDataMask) {
  return (req: LoggedRequest, res: ServerResponse, next: () => void): void => {
    const given = req.headers[REQUEST_ID_HEADER];
    const id = typeof given === 'string' && GIVEN_REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, id);
    req.id = id;
    const log = root.child({ reqId: id });
    // nestjs-pino (useExisting) keeps this as the logger of everything the request runs.
    req.log = log;
    const url = req.originalUrl ?? req.url ?? '';
    if (log.isLevelEnabled('info') && !UNLOGGED.test(url)) {
      const started = performance.now();
      const done = () => {
        res.off('finish', done);
        res.off('close', done);
        log.info(
          {
            req: { method: req.method, url: loggableUrl(url, mask) },
            res: { statusCode: res.statusCode },
            responseTime: Math.round(performance.now() - started),
          },
          res.writableFinished ? 'request completed' : 'request aborted',
        );
      };
      res.on('finish', done);
      res.on('close', done);
    }
    next();
  };
}
