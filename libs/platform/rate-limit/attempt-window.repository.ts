import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

export interface WindowCount {
  hits: number;
  startedAt: Date;
}

@Injectable()
export class AttemptWindowRepository {
  constructor(private readonly db: DatabaseContext) {}

  /**
   * Counts one attempt of the key at `at` and returns its window's count. A window starts at the
   * key's first attempt and lasts `windowMs`; the first attempt after it starts the next one.
   * One statement, so concurrent attempts on any replica are each counted once.
   */
  async hit(scope: string, keyHash: string, windowMs: number, at: Date): Promise<WindowCount> {
    const [row] = (await this.db.manager.query(
      `INSERT INTO attempt_window AS w (scope, key_hash, started_at, hits) VALUES ($1, $2, $3, 1)
       ON CONFLICT (scope, key_hash) DO UPDATE SET
         started_at = CASE WHEN w.started_at + $4 * interval '1 millisecond' <= $3 THEN $3 ELSE w.started_at END,
         hits = CASE WHEN w.started_at + $4 * interval '1 millisecond' <= $3 THEN 1 ELSE w.hits + 1 END
       RETURNING hits, started_at`,
      [scope, keyHash, at, windowMs],
    )) as Array<{ hits: number; started_at: Date }>;
    return { hits: row!.hits, startedAt: new Date(row!.started_at) };
  }

  /** Forgets the windows that started before `before`. */
  async forgetStartedBefore(before: Date): Promise<number> {
    const [, removed] = (await this.db.manager.query('DELETE FROM attempt_window WHERE started_at < $1', [before])) as [unknown, number];
    return removed;
  }
}
