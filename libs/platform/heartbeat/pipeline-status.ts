import type { OutboxBacklog } from '@platform/mail';

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

/**
 * A mail server that refuses or cannot be reached does not leave messages due: each failed
 * attempt schedules the next one. Messages retried this long while the server has taken none
 * since they were queued mean delivery makes no progress (a greylisting server takes a retried
 * message within minutes; a recipient refused for good fails at once).
 */
export const MAIL_RETRIES_STALLED_AFTER_MS = 15 * 60_000;

/** The outbox as the worker should be draining it (the mail module reads it). */
export type MailBacklog = OutboxBacklog;

export interface PipelineStatus {
  healthy: boolean;
  worker: { up: boolean; running: number; lastSeenAt: Date | null };
  mail: {
    up: boolean;
    /** Why it is down: due mail is not being claimed, or retried mail is not getting through. */
    stalled: 'queue' | 'retries' | null;
    due: number;
    oldestDueSeconds: number;
    retrying: number;
    failed: number;
  };
}

/**
 * Whether background work is being done: some worker has beaten recently; no due e-mail has
 * waited past MAIL_STALLED_AFTER_MS (a worker can beat while its delivery is stuck); and retried
 * e-mail is getting through (MAIL_RETRIES_STALLED_AFTER_MS). Failed messages are reported, not
 * judged: each has already been handed to a person.
 */
export function judgePipeline(now: Date, heartbeats: readonly Date[], backlog: MailBacklog): PipelineStatus {
  const ago = (at: Date) => Math.max(0, now.getTime() - at.getTime());
  const running = heartbeats.filter((seen) => ago(seen) < WORKER_GONE_AFTER_MS).length;
  const lastSeenAt = heartbeats.reduce<Date | null>((last, seen) => (!last || seen > last ? seen : last), null);
  const waitedMs = backlog.oldestDueAt ? ago(backlog.oldestDueAt) : 0;
  const retrying = backlog.oldestRetryingSince;
  // Nothing taken since the longest-retrying message was queued, for the whole of the limit.
  const retriesStalled =
    !!retrying &&
    ago(retrying) >= MAIL_RETRIES_STALLED_AFTER_MS &&
    (!backlog.lastSentAt || backlog.lastSentAt <= retrying || ago(backlog.lastSentAt) >= MAIL_RETRIES_STALLED_AFTER_MS);
  const stalled = waitedMs >= MAIL_STALLED_AFTER_MS ? 'queue' : retriesStalled ? 'retries' : null;
  return {
    healthy: running > 0 && !stalled,
    worker: { up: running > 0, running, lastSeenAt },
    mail: {
      up: !stalled,
      stalled,
      due: backlog.due,
      oldestDueSeconds: Math.floor(waitedMs / 1000),
      retrying: backlog.retrying,
      failed: backlog.failed,
    },
  };
}
