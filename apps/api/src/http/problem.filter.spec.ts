import { type ArgumentsHost, Logger } from '@nestjs/common';

import { ProblemFilter } from './problem.filter';

/** A Fastify request and reply as far as the filter reads and writes them. */
function exchange(readableAborted: boolean) {
  const sent: { status?: number; body?: unknown } = {};
  const reply = {
    sent: false,
    raw: { headersSent: false },
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
  const req = { method: 'POST', url: '/api/v1/reports', routeOptions: {}, headers: {}, raw: { readableAborted } };
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
    ['a body the client cut short', true, undefined, 0],
    ['a connection reset with the client still there (the database)', false, 503, 1],
  ])('%s', (_what, readableAborted, status, warnings) => {
    const { host, sent } = exchange(readableAborted);
    new ProblemFilter().catch(connectionReset(), host);
    expect(sent.status).toBe(status);
    expect(warn).toHaveBeenCalledTimes(warnings);
  });
});
