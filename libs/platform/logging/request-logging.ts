import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Logger } from 'pino';

/** Removes personal data (identity numbers) from a text; the rule itself belongs to the domain. */
export type PersonalDataMask = (text: string) => string;

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's own request id is kept when it is plain enough to log as it is (and carries no identity number). */
const GIVEN_REQUEST_ID = /^[\w.-]{1,100}$/;
/** Probes and static files would drown the log; their failures show elsewhere. */
const UNLOGGED = /^\/(health(\/live)?(\?|$)|assets\/)/;

/** Pages whose last path segment is a one-time secret from an e-mail (password, invitation, portal sign-in, acknowledgement links). */
const ONE_TIME_LINK = /\/(password|setup|portal\/login|varsler\/kvittering)\/[^/]+/i;

/**
 * The path only: query strings may carry free text, one-time links carry secrets, and no path may
 * carry an identity number. The path is read as the router reads it, percent-escapes decoded
 * ("%20" is the space a number was typed with, "%70assword" a password link) and letters in
 * either case; an escape that does not decode is left as sent.
 */
export function loggableUrl(url: string, mask: PersonalDataMask): string {
  const path = url.split('?')[0].replace(/(?:%[0-9A-Fa-f]{2})+/g, decodedEscapes);
  return mask(path.replace(ONE_TIME_LINK, '/$1/[token]'));
}

function decodedEscapes(escapes: string): string {
  try {
    return decodeURIComponent(escapes);
  } catch {
    return escapes;
  }
}

/**
 * Runs `next` with a logger bound to `bindings` as the logger of everything the request runs, and
 * hands it that logger. The app binds it through nestjs-pino's request context.
 */
export type LogContext = (bindings: { reqId: string }, next: (log: Logger) => void) => void;

/**
 * The request log: an id per request (the caller's `X-Request-Id` or a new one, given to `echo`
 * to send back), a request logger bound to it for everything logged while the request runs, and
 * one `request completed` line at info when it ends. Bodies, headers and query strings are never
 * logged.
 *
 * Written here rather than taken from pino-http, which serialises the whole request into a child
 * logger on every request, whether or not a line is ever written: a quarter of what a small API
 * request cost. Here the request is described only when its line is written. It runs as a
 * framework hook rather than as middleware, and the id is echoed through the framework's reply,
 * which writes the answer's head in one call: a header set on Node's response beforehand makes
 * Node take its slower path and set every header of the answer one by one.
 */
export function requestLogging(mask: PersonalDataMask, context: LogContext) {
  return (req: IncomingMessage, res: ServerResponse, echo: (header: string, id: string) => void, next: () => void): void => {
    const given = req.headers[REQUEST_ID_HEADER];
    const reqId = typeof given === 'string' && GIVEN_REQUEST_ID.test(given) && mask(given) === given ? given : randomUUID();
    echo(REQUEST_ID_HEADER, reqId);
    context({ reqId }, (log) => {
      const url = req.url ?? '';
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
    });
  };
}
