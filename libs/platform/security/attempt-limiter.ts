export interface AttemptLimit {
  /** Failed attempts a key may make within one window; 0 turns the limit off. */
  limit: number;
  windowMs: number;
  /** How many keys are remembered at most, so a flood of forged addresses cannot fill the memory. */
  maxKeys: number;
}

interface Window {
  startedAt: number;
  failures: number;
}

/**
 * Counts failed attempts per key (a client's address) in fixed windows. A key that has used up its
 * window is refused until the window ends, without the attempt being tried. Success does not
 * reset the count: one valid credential must not buy a guesser a fresh allowance. Kept in the
 * process's memory: each replica counts its own share, which still bounds a guesser's rate.
 */
export class AttemptLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly rule: AttemptLimit) {}

  /** Milliseconds until the key may try again; 0 when it may try now. */
  blockedFor(key: string, now: number): number {
    if (this.rule.limit === 0) return 0;
    const window = this.current(key, now);
    return window && window.failures >= this.rule.limit ? window.startedAt + this.rule.windowMs - now : 0;
  }

  /** Counts a failure; true when it is the one that uses up the key's window. */
  recordFailure(key: string, now: number): boolean {
    if (this.rule.limit === 0) return false;
    let window = this.current(key, now);
    if (window) window.failures += 1;
    else {
      if (this.windows.size >= this.rule.maxKeys) this.makeRoom(now);
      window = { startedAt: now, failures: 1 };
      this.windows.set(key, window);
    }
    return window.failures === this.rule.limit;
  }

  private current(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && now - window.startedAt >= this.rule.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  /** Forgets the ended windows; when none has ended, the oldest (a Map keeps insertion order). */
  private makeRoom(now: number): void {
    for (const [key, window] of this.windows) if (now - window.startedAt >= this.rule.windowMs) this.windows.delete(key);
    if (this.windows.size >= this.rule.maxKeys) this.windows.delete(this.windows.keys().next().value!);
  }
}
