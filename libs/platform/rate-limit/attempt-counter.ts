import { Injectable } from '@nestjs/common';
import { hashToken } from '@platform/security';

import { AttemptWindowRepository } from './attempt-window.repository';

/** The longest window a count may use; ended windows are forgotten after it. */
export const LONGEST_ATTEMPT_WINDOW_MS = 60 * 60_000;

export interface AttemptCount {
  /** Attempts in the key's current window, this one included. */
  hits: number;
  /** When the window ends (epoch milliseconds). */
  endsAt: number;
}

/**
 * Counts attempts per key in windows shared by every process on the database, so a limit holds
 * for the whole deployment rather than for each replica. Keys are stored hashed.
 */
@Injectable()
export class AttemptCounter {
  constructor(private readonly windows: AttemptWindowRepository) {}

  async count(scope: string, key: string, windowMs: number, now: number): Promise<AttemptCount> {
    if (windowMs > LONGEST_ATTEMPT_WINDOW_MS) throw new RangeError(`an attempt window lasts at most ${LONGEST_ATTEMPT_WINDOW_MS} ms`);
    const { hits, startedAt } = await this.windows.hit(scope, hashToken(key), windowMs, new Date(now));
    // A window started by a replica whose clock runs ahead still ends within one window from now.
    return { hits, endsAt: Math.min(startedAt.getTime(), now) + windowMs };
  }

  /** Forgets windows that have certainly ended. */
  forgetEnded(now: number): Promise<number> {
    return this.windows.forgetStartedBefore(new Date(now - LONGEST_ATTEMPT_WINDOW_MS));
  }
}
