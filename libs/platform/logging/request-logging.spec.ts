import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter, once } from 'node:events';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

import pino from 'pino';
import request from 'supertest';

import { loggableUrl, requestLogging } from './request-logging';

/** Stands in for the domain's identity-number rule: any run of eleven digits. */
const mask = (text: string) => text.replace(/\d{11}/g, '***********');

function setUp(level: pino.Level = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const written = new EventEmitter();
  const root = pino(
    { level },
    {
      write: (line: string) => {
        lines.push(JSON.parse(line) as Record<string, unknown>);
        written.emit('line');
      },
    },
  );
  const reached = new EventEmitter();
  // The request's logger reaches what the request runs through the context, as nestjs-pino's does in the app.
  const context = new AsyncLocalStorage<pino.Logger>();
  const logging = requestLogging(mask, (bindings, next) => {
    const log = root.child(bindings);
    context.run(log, () => next(log));
  });
  // A bare Node server: the request log runs on Node's own request and response, whatever framework is above it.
  const app = createServer((req, res) =>
    logging(
      req,
      res,
      (name, id) => res.setHeader(name, id),
      () => {
        const path = req.url?.split('?')[0];
        if (path === '/logs-inside') {
          setImmediate(() => {
            context.getStore()!.warn('inside the request');
            res.setHeader('content-type', 'application/json');
            res.end('{}');
          });
        } else if (path === '/hangs') reached.emit('hangs');
        else {
          res.statusCode = 404;
          res.end('{}');
        }
      },
    ),
  );
  return { app, lines, nextLine: () => once(written, 'line'), reachedHangs: () => once(reached, 'hangs') };
}

describe('loggableUrl', () => {
  it.each([
    ['/api/v1/me', '/api/v1/me'],
    ['/incidents?q=secret+words', '/incidents'],
    ['/password/abcdef123456', '/password/[token]'],
    ['/portal/login/abcdef123456?next=/x', '/portal/login/[token]'],
    ['/setup/abcdef123456', '/setup/[token]'],
    ['/varsler/kvittering/abcdef123456', '/varsler/kvittering/[token]'],
    // The router matches paths in either case and decoded: so is a link's secret found.
    ['/PASSWORD/abcdef123456', '/PASSWORD/[token]'],
    ['/Varsler/Kvittering/abcdef123456', '/Varsler/Kvittering/[token]'],
    ['/%70assword/abcdef123456', '/password/[token]'],
    ['/consumers/01017012345/reports', '/consumers/***********/reports'],
    // Escaped digits and characters are read as the path means them before masking.
    ['/portal/reports/ref/%30%31%30%31%37%30%31%32%33%34%35', '/portal/reports/ref/***********'],
    ['/portal/hjelp/0101701234%35', '/portal/hjelp/***********'],
    ['/s%C3%B8k/%E2%80%9Cx%E2%80%9D', '/søk/“x”'],
    // An escape that does not decode is left as it came.
    ['/portal/hjelp/%E2%80/%zz', '/portal/hjelp/%E2%80/%zz'],
  ])('%s is logged as %s', (url, logged) => {
    expect(loggableUrl(url, mask)).toBe(logged);
  });
});

describe('requestLogging', () => {
  it.each([
    ['a plain id the caller gave', 'ticket-42.retry_1', true],
    ['an id with spaces', 'not plain', false],
    ['an id too long to log', 'x'.repeat(101), false],
    ['an id that is an identity number', '01017012345', false],
    ['an id that holds an identity number', 'retry-01017012345-2', false],
  ])('keeps %s only when it is plain enough to log', async (_what, given, kept) => {
    const { app, lines } = setUp();
    const res = await request(app).get('/logs-inside').set('x-request-id', given);
    const id = res.headers['x-request-id'] as string;
    if (kept) expect(id).toBe(given);
    else expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.map((l) => l.reqId)).toEqual([id, id]);
  });

  it('gives each request its own id when the caller gives none', async () => {
    const { app } = setUp();
    const [a, b] = await Promise.all([request(app).get('/logs-inside'), request(app).get('/logs-inside')]);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('writes one completion line with the method, the masked path and the status, and no query string', async () => {
    const { app, lines } = setUp();
    await request(app).get('/consumers/01017012345?q=01017012345').set('authorization', 'Bearer secret');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request completed',
      level: 30,
      req: { method: 'GET', url: '/consumers/***********' },
      res: { statusCode: 404 },
    });
    expect(typeof lines[0].responseTime).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/01017012345|secret/);
  });

  it.each(['/health', '/health/live', '/health?probe=1', '/assets/app.css'])('writes no completion line for %s', async (path) => {
    const { app, lines } = setUp();
    await request(app).get(path);
    expect(lines).toEqual([]);
  });

  it('writes no completion line above info, but the request logger still logs under the request id', async () => {
    const { app, lines } = setUp('warn');
    const res = await request(app).get('/logs-inside');
    expect(lines).toEqual([expect.objectContaining({ msg: 'inside the request', reqId: res.headers['x-request-id'] })]);
  });

  it('says so when the caller goes away before the answer', async () => {
    const { app, lines, nextLine, reachedHangs } = setUp();
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const aborted = new AbortController();
      const reached = reachedHangs();
      const pending = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hangs`, { signal: aborted.signal }).catch(
        () => null,
      );
      await reached;
      const line = nextLine();
      aborted.abort();
      await Promise.all([pending, line]);
      expect(lines).toEqual([expect.objectContaining({ msg: 'request aborted', req: { method: 'GET', url: '/hangs' } })]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
