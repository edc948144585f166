import type { ThrottlerStorage } from '@nestjs/throttler';
import { AttemptCounter } from '@platform/rate-limit';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The sign-in and password routes' throttle, counted by every replica together: in each
 * process's memory (the library's default) n replicas would let a guesser n times the limit.
 * As the library's own storage, the request after the limit is refused for `blockDuration`, and
 * the first one after that starts a new window. Unlike it, a window starts at a key's first
 * request rather than sliding, so up to twice the limit can pass in a short span across the end
 * of a window. Without the database it cannot count, and the routes answer 503 as their own work
 * would.
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly attempts: AttemptCounter) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const count = await this.attempts.count(`throttle:${throttlerName}`, key, {
      windowMs: ttl,
      blockFrom: limit + 1,
      blockMs: blockDuration,
    });
    const seconds = (ms: number) => Math.ceil(ms / 1000);
    return {
      totalHits: count.hits,
      timeToExpire: seconds(count.windowLeftMs),
      isBlocked: count.blockedMs > 0,
      timeToBlockExpire: seconds(count.blockedMs),
    };
  }
}
