import { type ArgumentsHost, Logger } from '@nestjs/common';

import { ProblemFilter } from './problem.filter';

/** A Fastify request and reply as far as the filter reads and writes them. */
function exchange(readableAborted: boolean, url = '/api/v1/reports') {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const reply = {
    sent: false,
    raw: { headersSent: false },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    status(code: number) {
      sent.status = code;
      return reply;
    },
    type: () => reply,
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  const req = { method: 'POST', url, routeOptions: {}, headers: {}, raw: { readableAborted } };
  const host = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => reply }) } as unknown as ArgumentsHost;
  return { host, sent };
}

const connectionReset = () => Object.assign(new Error('aborted'), { code: 'ECONNRESET' });

describe('ProblemFilter', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it.each([
    ['a body the client cut short', true, undefined, 0, undefined],
    ['a connection reset with the client still there (the database)', false, 503, 1, '5'],
  ])('%s', (_what, readableAborted, status, warnings, retryAfter) => {
    const { host, sent } = exchange(readableAborted);
    new ProblemFilter().catch(connectionReset(), host);
    expect(sent.status).toBe(status);
    expect(warn).toHaveBeenCalledTimes(warnings);
    expect(sent.headers['Retry-After']).toBe(retryAfter);
  });

  it('asks for no retry on an error that is not a 503', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { host, sent } = exchange(false);
    new ProblemFilter().catch(new Error('a bug'), host);
    error.mockRestore();
    expect(sent.status).toBe(500);
    expect(sent.headers).toEqual({});
  });

  it.each([
    ['an unhandled error', new Error('a bug'), 'error'],
    ['a lost database', connectionReset(), 'warn'],
  ] as const)('logs the path of %s as the request log does: no identity number, secret or query', (_what, exception, level) => {
    const logged = level === 'warn' ? warn : jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    new ProblemFilter().catch(exception, exchange(false, '/portal/hjelp/010190%2000083?fnr=01019000083').host);
    new ProblemFilter().catch(exception, exchange(false, '/setup/one-time-secret').host);
    expect(logged.mock.calls.map(([fields]) => (fields as { path: string }).path)).toEqual([
      '/portal/hjelp/[fødselsnummer fjernet]',
      '/setup/[token]',
    ]);
    logged.mockRestore();
  });
});
