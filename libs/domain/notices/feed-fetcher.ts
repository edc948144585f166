import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@platform/config';

import { BlockedFeedAddress, FeedAddressGuard, hostOf } from './feed-address-guard';

export type FeedResponse = { status: 'not-modified' } | { status: 'ok'; body: string; etag: string | null; lastModified: string | null };

export class FeedFetchError extends Error {}

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Reads a feed over HTTP(S): a conditional GET (ETag, Last-Modified), at most the configured time
 * and size, at most five redirects. Every hop's host is checked by FeedAddressGuard, and the
 * connection itself resolves names through it, so no hop reaches a loopback, private or metadata
 * address unless its host is allow-listed. Any failure is a FeedFetchError with a short reason.
 */
@Injectable()
export class FeedFetcher {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly guard: FeedAddressGuard,
  ) {}

  async get(url: string, validators: { etag: string | null; lastModified: string | null }): Promise<FeedResponse> {
    const { feedTimeoutMs, feedMaxBytes } = this.config.notices;
    const headers: Record<string, string> = { accept: 'application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8' };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    const signal = AbortSignal.timeout(feedTimeoutMs);
    let target = new URL(url);
    for (let hop = 0; ; hop++) {
      const response = await this.open(target, headers, signal, feedTimeoutMs);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        response.resume();
        if (hop >= MAX_REDIRECTS) throw new FeedFetchError(`redirected more than ${MAX_REDIRECTS} times`);
        target = nextHop(target, location);
        continue;
      }
      if (status === 304) {
        response.resume();
        return { status: 'not-modified' };
      }
      if (status < 200 || status > 299) {
        response.resume();
        throw new FeedFetchError(`answered HTTP ${status}`);
      }
      const declared = Number(response.headers['content-length'] ?? '0');
      if (declared > feedMaxBytes) {
        response.destroy();
        throw new FeedFetchError(`is larger than ${feedMaxBytes} bytes`);
      }
      const body = await readAtMost(response, feedMaxBytes, signal, feedTimeoutMs);
      return { status: 'ok', body, etag: header(response, 'etag'), lastModified: header(response, 'last-modified') };
    }
  }

  private async open(url: URL, headers: Record<string, string>, signal: AbortSignal, timeoutMs: number): Promise<IncomingMessage> {
    try {
      await this.guard.assertAllowed(url);
    } catch (e) {
      throw new FeedFetchError(reason(e));
    }
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(url, { method: 'GET', headers, signal, lookup: this.guard.lookupFor(hostOf(url)) }, resolve);
      req.on('error', (e) =>
        reject(
          new FeedFetchError(
            signal.aborted
              ? `no answer within ${timeoutMs} ms`
              : e instanceof BlockedFeedAddress
                ? e.message
                : `cannot be reached (${reason(e)})`,
          ),
        ),
      );
      req.end();
    });
  }
}

function nextHop(from: URL, location: string): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new FeedFetchError('redirected to an invalid address');
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new FeedFetchError(`redirected to a ${next.protocol} address`);
  return next;
}

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

async function readAtMost(response: IncomingMessage, max: number, signal: AbortSignal, timeoutMs: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > max) {
        response.destroy();
        throw new FeedFetchError(`is larger than ${max} bytes`);
      }
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof FeedFetchError) throw e;
    throw new FeedFetchError(signal.aborted ? `no answer within ${timeoutMs} ms` : `broke off (${reason(e)})`);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

function reason(e: unknown): string {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : null;
  return cause ?? (e instanceof Error ? e.message : String(e));
}
