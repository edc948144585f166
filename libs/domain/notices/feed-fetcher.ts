import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@platform/config';

export type FeedResponse = { status: 'not-modified' } | { status: 'ok'; body: string; etag: string | null; lastModified: string | null };

export class FeedFetchError extends Error {}

/**
 * Reads a feed over HTTP(S): a conditional GET (ETag, Last-Modified), at most the configured time
 * and size, redirects followed by fetch itself. Any failure is a FeedFetchError with a short reason.
 */
@Injectable()
export class FeedFetcher {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async get(url: string, validators: { etag: string | null; lastModified: string | null }): Promise<FeedResponse> {
    const { feedTimeoutMs, feedMaxBytes } = this.config.notices;
    const headers: Record<string, string> = { accept: 'application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8' };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    let response: Response;
    const signal = AbortSignal.timeout(feedTimeoutMs);
    try {
      response = await fetch(url, { headers, signal, redirect: 'follow' });
    } catch (e) {
      throw new FeedFetchError(signal.aborted ? `no answer within ${feedTimeoutMs} ms` : `cannot be reached (${reason(e)})`);
    }
    if (response.status === 304) return { status: 'not-modified' };
    if (!response.ok) {
      await response.body?.cancel();
      throw new FeedFetchError(`answered HTTP ${response.status}`);
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > feedMaxBytes) {
      await response.body?.cancel();
      throw new FeedFetchError(`is larger than ${feedMaxBytes} bytes`);
    }
    const body = await this.readAtMost(response, feedMaxBytes, signal, feedTimeoutMs);
    return { status: 'ok', body, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
  }

  private async readAtMost(response: Response, max: number, signal: AbortSignal, timeoutMs: number): Promise<string> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (!response.body) return '';
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > max) {
          await reader.cancel();
          throw new FeedFetchError(`is larger than ${max} bytes`);
        }
        chunks.push(value);
      }
    } catch (e) {
      if (e instanceof FeedFetchError) throw e;
      throw new FeedFetchError(signal.aborted ? `no answer within ${timeoutMs} ms` : `broke off (${reason(e)})`);
    }
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
  }
}

function reason(e: unknown): string {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : null;
  return cause ?? (e instanceof Error ? e.message : String(e));
}
