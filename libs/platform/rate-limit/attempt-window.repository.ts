import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

export interface WindowRule {
  windowMs: number;
  /** The attempt, counted in its window, from which the key is refused. */
  blockFrom: number;
  /** How long the key is refused from that attempt; null: until its window ends. */
  blockMs: number | null;
}

export interface WindowCount {
  /** Attempts in the key's window, this one included. */
  hits: number;
  /** Milliseconds until the window ends. */
  windowLeftMs: number;
  /** Milliseconds the key is refused for; 0 when it is not. */
  blockedMs: number;
}

@Injectable()
export class AttemptWindowRepository {
  constructor(private readonly db: DatabaseContext) {}

  /**
   * Counts one attempt of the key. A window starts at the key's first attempt and lasts
   * `windowMs`; the attempt that reaches `blockFrom` refuses the key for `blockMs` (or to the
   * window's end); the first attempt after the window or the refusal starts the next window.
   * One statement on the database's clock, so concurrent attempts on any replica are each
   * counted once and replicas whose clocks differ agree.
   */
  async hit(scope: string, keyHash: string, rule: WindowRule): Promise<WindowCount> {
    const window = `($3::float8 * interval '1 millisecond')`;
    const block = `($5::float8 * interval '1 millisecond')`;
    const ended = `coalesce(w.blocked_until, w.started_at + ${window}) <= excluded.started_at`;
    const [row] = (await this.db.manager.query(
      `INSERT INTO attempt_window AS w (scope, key_hash, started_at, hits, blocked_until)
       VALUES ($1, $2, clock_timestamp(), 1, CASE WHEN $4::int <= 1 THEN clock_timestamp() + coalesce(${block}, ${window}) END)
       ON CONFLICT (scope, key_hash) DO UPDATE SET
         started_at = CASE WHEN ${ended} THEN excluded.started_at ELSE w.started_at END,
         hits = CASE WHEN ${ended} THEN 1 ELSE w.hits + 1 END,
         blocked_until = CASE
           WHEN ${ended} THEN excluded.blocked_until
           WHEN w.blocked_until IS NULL AND w.hits + 1 >= $4::int THEN coalesce(excluded.started_at + ${block}, w.started_at + ${window})
           ELSE w.blocked_until END
       RETURNING hits,
         extract(epoch FROM started_at + ${window} - clock_timestamp()) * 1000 AS window_left_ms,
         coalesce(extract(epoch FROM blocked_until - clock_timestamp()) * 1000, 0) AS blocked_ms`,
      [scope, keyHash, rule.windowMs, rule.blockFrom, rule.blockMs],
    )) as Array<{ hits: number; window_left_ms: string; blocked_ms: string }>;
    return {
      hits: row!.hits,
      windowLeftMs: Math.max(0, Math.ceil(Number(row!.window_left_ms))),
      blockedMs: Math.max(0, Math.ceil(Number(row!.blocked_ms))),
    };
  }

  /** Forgets windows that started more than `olderThanMs` ago and refuse no one. */
  async forgetOlderThan(olderThanMs: number): Promise<number> {
    const [, removed] = (await this.db.manager.query(
      `DELETE FROM attempt_window
       WHERE started_at < clock_timestamp() - $1 * interval '1 millisecond' AND (blocked_until IS NULL OR blocked_until < clock_timestamp())`,
      [olderThanMs],
    )) as [unknown, number];
    return removed;
  }
}
