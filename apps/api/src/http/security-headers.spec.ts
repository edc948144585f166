import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import helmet, { type HelmetOptions } from 'helmet';

import { securityHeaders } from './security-headers';

/** What helmet itself sends for these options, on a real response. */
async function helmetPerRequest(options: HelmetOptions): Promise<Record<string, string>> {
  const middleware = helmet(options);
  const server = createServer((req, res) => middleware(req, res, () => res.end()));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const sent: Record<string, string> = {};
    const standard = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
    res.headers.forEach((value, name) => {
      if (!standard.has(name)) sent[name] = value;
    });
    return sent;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const lowerCased = (headers: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

describe('securityHeaders', () => {
  it.each<[string, HelmetOptions]>([
    ['the defaults', {}],
    ['without HSTS', { hsts: false }],
    [
      "the app's content security policy",
      {
        contentSecurityPolicy: {
          directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
        },
      },
    ],
    ['without a content security policy', { contentSecurityPolicy: false, frameguard: { action: 'deny' } }],
  ])('gives the headers helmet sends per request, for %s', async (_what, options) => {
    expect(lowerCased(securityHeaders(options))).toEqual(await helmetPerRequest(options));
  });

  it('refuses a directive worked out per request', () => {
    const nonce = () => "'nonce-x'";
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", nonce] } } })).toThrow(/per request/);
  });
});
