import { type AttemptLimit, AttemptLimiter } from '@platform/security';

import { AttemptCounter } from './attempt-counter';

/**
 * An `AttemptLimiter` whose failures are counted by every replica together (`AttemptCounter`).
 * Each process remembers the keys it has seen use up their window and refuses them without asking
 * the database; a key that used up its window through another replica is refused here after its
 * next failure, so a deployment of n replicas lets at most limit + n − 1 failures through a window.
 * When the database cannot count, the process counts on its own, as a single process would, and
 * says so once (`countingAlone`) until the database counts again.
 */
export class SharedAttemptLimiter {
  private readonly blockedUntil = new Map<string, number>();
  private readonly ownCount: AttemptLimiter;
  private alone = false;

  constructor(
    private readonly scope: string,
    private readonly rule: AttemptLimit,
    private readonly counter: AttemptCounter,
    private readonly countingAlone: (error: unknown) => void,
  ) {
    this.ownCount = new AttemptLimiter(rule);
  }

  /** Milliseconds until the key may try again; 0 when it may try now. Asks no one. */
  blockedFor(key: string, now: number): number {
    if (this.rule.limit === 0) return 0;
    const until = this.blockedUntil.get(key);
    if (until !== undefined && until <= now) this.blockedUntil.delete(key);
    return Math.max(until !== undefined ? until - now : 0, this.ownCount.blockedFor(key, now));
  }

  /** Counts a failure; true when it is the one that uses up the key's window. */
  async recordFailure(key: string, now: number): Promise<boolean> {
    if (this.rule.limit === 0) return false;
    let count;
    try {
      count = await this.counter.count(this.scope, key, { windowMs: this.rule.windowMs, blockFrom: this.rule.limit, blockMs: null });
    } catch (error) {
      if (!this.alone) this.countingAlone(error);
      this.alone = true;
      return this.ownCount.recordFailure(key, now);
    }
    this.alone = false;
    if (count.blockedMs > 0) this.block(key, now + count.blockedMs, now);
    return count.hits === this.rule.limit;
  }

  private block(key: string, until: number, now: number): void {
    if (!this.blockedUntil.has(key) && this.blockedUntil.size >= this.rule.maxKeys) {
      for (const [k, u] of this.blockedUntil) if (u <= now) this.blockedUntil.delete(k);
      // None ended: the one blocked first (a Map keeps insertion order), so a flood of addresses cannot fill the memory.
      if (this.blockedUntil.size >= this.rule.maxKeys) this.blockedUntil.delete(this.blockedUntil.keys().next().value!);
    }
    this.blockedUntil.set(key, until);
  }
}
