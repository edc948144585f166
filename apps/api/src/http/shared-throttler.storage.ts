import type { ThrottlerStorage } from '@nestjs/throttler';
import { AttemptCounter } from '@platform/rate-limit';

/**
 * The sign-in and password routes' throttle, counted by every replica together: in each
 * process's memory (the library's default) n replicas would let a guesser n times the limit. A key
 * that has used up its window is refused until the window ends, whatever `blockDuration` says.
 */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

export class SharedThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly attempts: AttemptCounter) {}

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const { hits, endsAt } = await this.attempts.count(`throttle:${throttlerName}`, key, ttl, now);
    const secondsLeft = Math.max(1, Math.ceil((endsAt - now) / 1000));
    const isBlocked = hits > limit;
    return { totalHits: hits, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
  }
}
