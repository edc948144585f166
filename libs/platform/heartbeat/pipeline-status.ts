/** How often a worker writes its heartbeat. */
export const HEARTBEAT_INTERVAL_MS = 15_000;

/** A worker not seen for four beats is taken for gone (stopped without saying so, or cut off from the database). */
export const WORKER_GONE_AFTER_MS = 4 * HEARTBEAT_INTERVAL_MS;

/**
 * Due e-mail is claimed within a poll interval while a worker runs; a notice to thousands of
 * contacts drains in a minute or two, and a stalled server holds a lane for one send timeout.
 * A due message that has waited this long means delivery has stopped.
 */
export const MAIL_STALLED_AFTER_MS = 5 * 60_000;

/** The outbox as the worker should be draining it, read on the database's clock. */
export interface MailBacklog {
  /** Queued messages whose time to be sent has come. */
  due: number;
  /** Since when the longest-waiting of those has been due; null when none is. */
  oldestDueAt: Date | null;
  /** Messages that failed at least once and wait for another attempt. */
  retrying: number;
  /** Messages given up on, waiting for staff to send them again. */
  failed: number;
}

export interface PipelineStatus {
  healthy: boolean;
  worker: { up: boolean; running: number; lastSeenAt: Date | null };
  mail: { up: boolean; due: number; oldestDueSeconds: number; retrying: number; failed: number };
}

/**
 * Whether background work is being done: some worker has beaten recently, and no due e-mail has
 * waited past MAIL_STALLED_AFTER_MS (a worker can beat while its delivery is stuck). Failed
 * messages are reported, not judged: each has already been handed to a person.
 */
export function judgePipeline(now: Date, heartbeats: readonly Date[], backlog: MailBacklog): PipelineStatus {
  const running = heartbeats.filter((seen) => now.getTime() - seen.getTime() < WORKER_GONE_AFTER_MS).length;
  const lastSeenAt = heartbeats.reduce<Date | null>((last, seen) => (!last || seen > last ? seen : last), null);
  const waitedMs = backlog.oldestDueAt ? Math.max(0, now.getTime() - backlog.oldestDueAt.getTime()) : 0;
  const mailUp = waitedMs < MAIL_STALLED_AFTER_MS;
  return {
    healthy: running > 0 && mailUp,
    worker: { up: running > 0, running, lastSeenAt },
    mail: {
      up: mailUp,
      due: backlog.due,
      oldestDueSeconds: Math.floor(waitedMs / 1000),
      retrying: backlog.retrying,
      failed: backlog.failed,
    },
  };
}
