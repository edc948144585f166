import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

import { withoutNationalIdentityNumbers } from '@domain/shared';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import {
  ConcurrentDuplicate,
  DatabaseUnavailable,
  isDatabaseUnreachable,
  isTransactionConflict,
  isUniqueViolation,
  TransactionConflict,
} from '@platform/database';
import { DomainException, ErrorKind, FieldError } from '@platform/errors';
import { loggableUrl } from '@platform/logging';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { LoginRequired } from '../auth/auth.guard';
import { pathOf } from './fastify-augmentation';
import { ProblemDto } from './problem.dto';

export const HTTP_STATUS_OF: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  unprocessable: 422,
  'rate-limited': 429,
  unavailable: 503,
};

export interface Problem {
  status: number;
  code: string;
  message: string;
  fields?: FieldError[];
}

const HTTP_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
};

/** A problem found by the HTTP layer itself (a body parser), carried to the answer as it is. */
export class HttpLayerProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/** Renders the error page for a browser; the admin UI provides it. */
export type ErrorPageRenderer = (req: FastifyRequest, res: FastifyReply, problem: Problem) => void;

/**
 * Maps every error to RFC 9457 problem details with a stable `code` (JSON), or to an error page
 * / login redirect for browser pages. Never a stack trace.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly renderErrorPage?: ErrorPageRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const res = ctx.getResponse<FastifyReply>();
    if (res.sent || res.raw.headersSent) return;
    // The client went away before its body arrived (Node says so as ECONNRESET, like a lost database
    // connection): there is no one to answer, and the request log already notes the abort.
    if (req.raw.readableAborted) return;
    if (exception instanceof LoginRequired && req.method === 'GET') {
      res.redirect(`${exception.page === 'portal' ? '/portal/login' : '/login'}?next=${encodeURIComponent(req.url)}`, 303);
      return;
    }
    // A lost database surfaces as whatever the driver threw where it happened; it is one answer.
    const unreachable = isDatabaseUnreachable(exception);
    const conflict = !unreachable && isTransactionConflict(exception);
    const duplicate = !unreachable && !conflict && isUniqueViolation(exception);
    const problem = problemOf(
      unreachable ? new DatabaseUnavailable() : conflict ? new TransactionConflict() : duplicate ? new ConcurrentDuplicate() : exception,
    );
    if (unreachable || conflict || duplicate)
      this.logger.warn(
        { err: exception instanceof Error ? exception.message : String(exception), path: loggedPath(req) },
        unreachable
          ? 'database unreachable'
          : conflict
            ? 'transaction aborted in favour of a concurrent one'
            : 'unique key taken by a concurrent change',
      );
    else if (problem.status >= 500)
      this.logger.error(
        {
          err:
            exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : String(exception),
          path: loggedPath(req),
        },
        'unhandled error',
      );
    const wantsHtml = !pathOf(req).startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (wantsHtml && this.renderErrorPage) {
      this.renderErrorPage(req, askToRetry(res, problem.status).status(problem.status), problem);
      return;
    }
    sendProblem(res, problem);
  }
}

/** The request's path as the request log writes it: no query, no one-time secret, no identity number. */
function loggedPath(req: FastifyRequest): string {
  return loggableUrl(req.url, withoutNationalIdentityNumbers);
}

/** How long a client should wait before trying again after a 503: the database or a worker coming back. */
const RETRY_AFTER_SECONDS = 5;

function askToRetry(res: FastifyReply, status: number): FastifyReply {
  return status === 503 ? res.header('Retry-After', String(RETRY_AFTER_SECONDS)) : res;
}

export function sendProblem(res: FastifyReply, problem: Problem): void {
  void askToRetry(res, problem.status)
    .status(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send(ProblemDto.from({ ...problem, title: titleOf(problem.status) }));
}

/** The status's name as NestJS spells it (BAD_REQUEST), also for statuses it does not list (431). */
function titleOf(status: number): string {
  return HttpStatus[status] ?? STATUS_CODES[status]?.toUpperCase().replace(/[^A-Z]+/g, '_') ?? 'ERROR';
}

/**
 * Errors Fastify meets before any route runs (a path it cannot decode) get the same problem
 * document, though no filter sees them.
 */
export function answerFrameworkError(error: Error, _req: FastifyRequest, res: FastifyReply): void {
  sendProblem(res, problemOf(error));
}

/** What Node's HTTP parser refuses before any request exists, by its error code. */
const CLIENT_ERRORS: Record<string, Problem> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'headers_too_large',
    message: 'The request headers are larger than the 16 KB the server accepts.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', message: 'The request was not received in time.' },
};
const MALFORMED_REQUEST: Problem = { status: 400, code: 'malformed_request', message: 'The request is not valid HTTP.' };

/**
 * Errors Node's HTTP parser meets before Fastify has a request (headers too large, a request
 * that is not HTTP) are written to the socket as the same problem document, then it is closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // A reset connection has no one to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED_REQUEST;
  if (socket.writable) {
    const body = JSON.stringify(ProblemDto.from({ ...problem, title: titleOf(problem.status) }));
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nConnection: close\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function problemOf(exception: unknown): Problem {
  if (exception instanceof DomainException) {
    return { status: HTTP_STATUS_OF[exception.kind], code: exception.code, message: exception.message, fields: exception.fields };
  }
  // Fastify's body parser errors (malformed JSON, body too large) carry a code; the adapter wraps some of them.
  const parser = (exception instanceof HttpException ? exception.cause : exception) as { code?: string } | undefined;
  if (parser instanceof HttpLayerProblem) return parser.problem;
  if (parser?.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return {
      status: 400,
      code: 'malformed_json',
      message: 'The request body is not valid JSON.',
      fields: [{ field: 'body', message: 'must be a JSON object or array' }],
    };
  if (parser?.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return { status: 413, code: 'payload_too_large', message: 'The request body is larger than the 2 MB limit.' };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message = typeof body === 'object' && body && 'message' in body ? [body.message].flat().join('; ') : exception.message;
    return {
      status,
      code: HTTP_CODES[status] ?? (status >= 500 ? 'internal_error' : 'error'),
      message: status >= 500 ? 'Something went wrong on our side.' : message,
    };
  }
  // Other errors of the HTTP layer (Fastify's) carry a status code of their own.
  const e = exception as { statusCode?: number; message?: string };
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, code: HTTP_CODES[e.statusCode] ?? 'bad_request', message: e.message ?? 'Bad request.' };
  }
  return { status: 500, code: 'internal_error', message: 'Something went wrong on our side. The error has been logged.' };
}
