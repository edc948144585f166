import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@platform/config';

/**
 * Addresses a feed must never be read from: a feed address is typed in by staff, and reading it
 * from the server must not reach the server itself, the internal network or a cloud metadata service.
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT (and Alibaba's metadata at 100.100.100.200)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, with the metadata service at 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments (Oracle's metadata at 192.0.0.192)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and broadcast
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv4');
// An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is checked against the IPv4 ranges above by BlockList itself.
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique-local (AWS's metadata at fd00:ec2::254)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv6');

/** Whether `address` (an IP literal) lies in a loopback, private, link-local, unique-local or metadata range. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** A URL's host without IPv6 brackets, lower case. */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}

export class BlockedFeedAddress extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`refused: ${host} is ${host === address ? '' : `resolved to ${address}, `}a loopback, private, link-local or metadata address`);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Decides which hosts a feed may be read from. The check that counts is `lookup`, used by the
 * connection itself, so a name that resolves differently between a check and the connection
 * (DNS rebinding) is still refused; `assertAllowed` answers early for a clear error.
 */
@Injectable()
export class FeedAddressGuard {
  private readonly allowed: ReadonlySet<string>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.allowed = new Set(config.notices.feedAllowedHosts);
  }

  allows(host: string): boolean {
    return this.allowed.has(host.toLowerCase());
  }

  /**
   * Refuses a URL whose host is, or now resolves to, a blocked address (unless allow-listed). A
   * name that does not resolve passes: reading it will fail and say so.
   */
  async assertAllowed(url: URL): Promise<void> {
    const host = hostOf(url);
    if (this.allows(host)) return;
    if (isIP(host)) {
      if (isBlockedAddress(host)) throw new BlockedFeedAddress(host, host);
      return;
    }
    const addresses = await new Promise<LookupAddress[]>((resolve) =>
      dnsLookup(host, { all: true }, (err, found) => resolve(err ? [] : found)),
    );
    const blocked = addresses.find((a) => isBlockedAddress(a.address));
    if (blocked) throw new BlockedFeedAddress(host, blocked.address);
  }

  /**
   * A `lookup` for http(s).request that refuses the connection when any address the name resolves
   * to is blocked. An IP literal never reaches a lookup: `assertAllowed` checks it before connecting.
   */
  lookupFor(host: string): ((hostname: string, options: LookupOptions, callback: LookupCallback) => void) | undefined {
    if (this.allows(host)) return undefined;
    return (hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (err, found) => {
        if (err) return callback(err, []);
        const blocked = found.find((a) => isBlockedAddress(a.address));
        if (blocked) return callback(new BlockedFeedAddress(hostname, blocked.address), []);
        if (options.all) return callback(null, found);
        const first = found[0];
        if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
        callback(null, first.address, first.family);
      });
    };
  }
}
