import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { AppConfig } from '@platform/config';

import { FeedAddressGuard, isBlockedAddress } from './feed-address-guard';
import { FeedFetcher, FeedFetchError } from './feed-fetcher';

const config = (feedAllowedHosts: string[]) =>
  ({ notices: { feedTimeoutMs: 5_000, feedMaxBytes: 100_000, feedAllowedHosts } }) as unknown as AppConfig;

/** A guard whose early check saw a public address: what a name that rebinds between check and connection looks like. */
function rebindingGuard(allowed: string[]): FeedAddressGuard {
  const guard = new FeedAddressGuard(config(allowed));
  guard.assertAllowed = async () => undefined;
  return guard;
}

describe('isBlockedAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['10.0.0.1', true],
    ['172.16.5.4', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.100.100.200', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fd00:ec2::254', true],
    ['fc00::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['8.8.8.8', false],
    ['151.101.1.69', false],
    ['2a00:1450:4010:c05::64', false],
    ['not-an-address', true],
  ])('%s is blocked: %s', (address, blocked) => expect(isBlockedAddress(address)).toBe(blocked));
});

describe('FeedFetcher', () => {
  let server: Server;
  let port = 0;
  let requests = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/atom+xml', etag: '"v1"' }).end('<feed/>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses at connect time a name that resolves to loopback, without connecting', async () => {
    const fetcher = new FeedFetcher(config([]), rebindingGuard([]));
    const before = requests;
    const read = fetcher.get(`http://localhost:${port}/feed`, { etag: null, lastModified: null });
    await expect(read).rejects.toThrow(FeedFetchError);
    await expect(read).rejects.toThrow(/^refused: localhost is resolved to (127\.0\.0\.1|::1), a loopback/);
    expect(requests).toBe(before);
  });

  it('refuses an IP literal before connecting', async () => {
    const fetcher = new FeedFetcher(config([]), new FeedAddressGuard(config([])));
    await expect(fetcher.get(`http://127.0.0.1:${port}/feed`, { etag: null, lastModified: null })).rejects.toThrow(
      /^refused: 127\.0\.0\.1 is a loopback/,
    );
  });

  it('reads a host on the allow-list', async () => {
    const fetcher = new FeedFetcher(config(['127.0.0.1']), new FeedAddressGuard(config(['127.0.0.1'])));
    await expect(fetcher.get(`http://127.0.0.1:${port}/feed`, { etag: null, lastModified: null })).resolves.toEqual({
      status: 'ok',
      body: '<feed/>',
      etag: '"v1"',
      lastModified: null,
    });
  });
});
