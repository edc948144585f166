import { type AttemptLimit, AttemptLimiter } from '@platform/security';

import { AttemptCounter } from './attempt-counter';

/**
 * An `AttemptLimiter` whose failures are counted by every replica together (`AttemptCounter`).
 * Each process remembers the keys it has seen use up their window and refuses them without asking
 * the database; a key that used up its window through another replica is refused here after its
 * next failure, so a deployment of n replicas lets at most limit + n − 1 failures through a window.
 * When the database cannot count, the process counts on its own, as a single process would.
 */
export class SharedAttemptLimiter {
  private readonly blockedUntil = new Map<string, number>();
  private readonly ownCount: AttemptLimiter;

  constructor(
    private readonly scope: string,
    private readonly rule: AttemptLimit,
    private readonly counter: AttemptCounter,
    private readonly countFailed: (error: unknown) => void,
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
      count = await this.counter.count(this.scope, key, this.rule.windowMs, now);
    } catch (error) {
      this.countFailed(error);
      return this.ownCount.recordFailure(key, now);
    }
    if (count.hits >= this.rule.limit) this.block(key, count.endsAt, now);
    return count.hits === this.rule.limit;
  }

  private block(key: string, until: number, now: number): void {
    if (!this.blockedUntil.has(key) && this.blockedUntil.size >= this.rule.maxKeys) {
      for (const [k, u] of this.blockedUntil) if (u <= now) this.blockedUntil.delete(k);
      // None ended: the one blocked first (a Map keeps insertion order), so a flood of forged addresses cannot fill the memory.
      if (this.blockedUntil.size >= this.rule.maxKeys) this.blockedUntil.delete(this.blockedUntil.keys().next().value!);
    }
    this.blockedUntil.set(key, until);
  }
}
