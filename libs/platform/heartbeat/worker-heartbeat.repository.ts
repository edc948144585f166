import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

/** How long the row of a worker that stopped without removing it is kept, for "last seen". */
const KEEP_GONE_WORKERS = '7 days';

@Injectable()
export class WorkerHeartbeatRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** Records that the worker is alive now, on the database's clock; its first beat also records when it started. */
  async beat(worker: { id: string; host: string; pid: number }): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO worker_heartbeat (worker_id, host, pid, started_at, seen_at) VALUES ($1, $2, $3, now(), now())
       ON CONFLICT (worker_id) DO UPDATE SET seen_at = now()`,
      [worker.id, worker.host, worker.pid],
    );
  }

  async remove(workerId: string): Promise<void> {
    await this.db.manager.query('DELETE FROM worker_heartbeat WHERE worker_id = $1', [workerId]);
  }

  /** Forgets workers gone for long: a crashed worker leaves its row behind. */
  async forgetGone(): Promise<number> {
    const [, removed] = (await this.db.manager.query(
      `DELETE FROM worker_heartbeat WHERE seen_at < now() - interval '${KEEP_GONE_WORKERS}'`,
    )) as [unknown, number];
    return removed;
  }

  /** When each known worker was last seen, and the database's time now. */
  async lastSeen(): Promise<{ now: Date; seen: Date[] }> {
    const rows: Array<{ now: Date; seen_at: Date | null }> = await this.db.manager.query(
      'SELECT now() AS now, h.seen_at FROM (SELECT 1) one LEFT JOIN worker_heartbeat h ON true',
    );
    return { now: new Date(rows[0]!.now), seen: rows.flatMap((r) => (r.seen_at ? [new Date(r.seen_at)] : [])) };
  }
}
