import { createHmac, hkdfSync } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@platform/config';

import { AttemptWindowRepository, type WindowCount, type WindowRule } from './attempt-window.repository';

export type { WindowCount, WindowRule } from './attempt-window.repository';

/** The longest window or refusal a count may use; windows are forgotten after it. */
export const LONGEST_ATTEMPT_WINDOW_MS = 60 * 60_000;

/**
 * Counts attempts per key in windows shared by every process on the database, so a limit holds
 * for the whole deployment rather than for each replica. A key is stored as its HMAC under a
 * secret derived from the deployment's encryption key, which every replica shares: a plain hash
 * of an address could be reversed by trying all of them.
 */
@Injectable()
export class AttemptCounter {
  private readonly secret: Buffer;

  constructor(
    private readonly windows: AttemptWindowRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secret = Buffer.from(hkdfSync('sha256', config.encryptionKey, Buffer.alloc(0), 'attempt-window key', 32));
  }

  count(scope: string, key: string, rule: WindowRule): Promise<WindowCount> {
    if (rule.windowMs > LONGEST_ATTEMPT_WINDOW_MS || (rule.blockMs ?? 0) > LONGEST_ATTEMPT_WINDOW_MS)
      throw new RangeError(`an attempt window or refusal lasts at most ${LONGEST_ATTEMPT_WINDOW_MS} ms`);
    return this.windows.hit(scope, this.keyHash(key), rule);
  }

  /** What a key is stored as. */
  keyHash(key: string): string {
    return createHmac('sha256', this.secret).update(key).digest('hex');
  }

  /** Forgets the windows that have ended and refuse no one. */
  forgetEnded(): Promise<number> {
    return this.windows.forgetOlderThan(LONGEST_ATTEMPT_WINDOW_MS);
  }
}
