import {
  judgePipeline,
  MAIL_RETRIES_STALLED_AFTER_MS,
  MAIL_STALLED_AFTER_MS,
  type MailBacklog,
  WORKER_GONE_AFTER_MS,
} from './pipeline-status';

const now = new Date('2026-12-04T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const empty: MailBacklog = { due: 0, oldestDueAt: null, retrying: 0, oldestRetryingSince: null, lastSentAt: null, failed: 0 };
const LIMIT = MAIL_RETRIES_STALLED_AFTER_MS;
/** Two messages retried since `since` ago; the server's last take `sent` ago (null: never). */
const retried = (since: number, sent: number | null): MailBacklog => ({
  ...empty,
  retrying: 2,
  oldestRetryingSince: ago(since),
  lastSentAt: sent === null ? null : ago(sent),
});
const due = (waitedMs: number, n = 1): MailBacklog => ({ ...empty, due: n, oldestDueAt: ago(waitedMs) });

describe('judgePipeline', () => {
  it.each<[string, Date[], MailBacklog, { healthy: boolean; workerUp: boolean; running: number; mailUp: boolean }]>([
    ['one worker that just beat, nothing due', [ago(1_000)], empty, { healthy: true, workerUp: true, running: 1, mailUp: true }],
    ['two workers, one gone', [ago(1_000), ago(WORKER_GONE_AFTER_MS)], empty, { healthy: true, workerUp: true, running: 1, mailUp: true }],
    [
      'a worker one moment short of gone',
      [ago(WORKER_GONE_AFTER_MS - 1)],
      empty,
      { healthy: true, workerUp: true, running: 1, mailUp: true },
    ],
    [
      'every worker gone',
      [ago(WORKER_GONE_AFTER_MS), ago(3_600_000)],
      empty,
      { healthy: false, workerUp: false, running: 0, mailUp: true },
    ],
    ['no worker ever', [], empty, { healthy: false, workerUp: false, running: 0, mailUp: true }],
    [
      'due mail that waited under the limit',
      [ago(1_000)],
      due(MAIL_STALLED_AFTER_MS - 1, 40),
      { healthy: true, workerUp: true, running: 1, mailUp: true },
    ],
    [
      'due mail that waited the limit',
      [ago(1_000)],
      due(MAIL_STALLED_AFTER_MS),
      { healthy: false, workerUp: true, running: 1, mailUp: false },
    ],
    ['no worker and stalled mail', [], due(MAIL_STALLED_AFTER_MS * 2), { healthy: false, workerUp: false, running: 0, mailUp: false }],
    ['failed mail alone', [ago(1_000)], { ...empty, failed: 7 }, { healthy: true, workerUp: true, running: 1, mailUp: true }],
    // A due time ahead of the database's clock reading (a retry scheduled just now) is no wait.
    [
      'due time a moment ahead',
      [ago(1_000)],
      { ...empty, due: 1, oldestDueAt: new Date(now.getTime() + 500) },
      { healthy: true, workerUp: true, running: 1, mailUp: true },
    ],
    [
      'retries for the whole limit, nothing ever sent',
      [ago(1_000)],
      retried(LIMIT, null),
      { healthy: false, workerUp: true, running: 1, mailUp: false },
    ],
    [
      'retries for the whole limit, the last take before them',
      [ago(1_000)],
      retried(LIMIT, LIMIT + 60_000),
      { healthy: false, workerUp: true, running: 1, mailUp: false },
    ],
    [
      'retries for long, a take since but a limit ago',
      [ago(1_000)],
      retried(2 * LIMIT, LIMIT),
      { healthy: false, workerUp: true, running: 1, mailUp: false },
    ],
    [
      'retries for long while other mail gets through',
      [ago(1_000)],
      retried(2 * LIMIT, 60_000),
      { healthy: true, workerUp: true, running: 1, mailUp: true },
    ],
    [
      'retries not yet for the limit, nothing sent',
      [ago(1_000)],
      retried(LIMIT - 1, null),
      { healthy: true, workerUp: true, running: 1, mailUp: true },
    ],
  ])('%s', (_, beats, backlog, expected) => {
    const s = judgePipeline(now, beats, backlog);
    expect({ healthy: s.healthy, workerUp: s.worker.up, running: s.worker.running, mailUp: s.mail.up }).toEqual(expected);
  });

  it('reports the latest beat, how long the oldest due mail waited, and the counts', () => {
    const backlog = { ...retried(60_000, 5_000), due: 4, oldestDueAt: ago(125_400), failed: 1 };
    const s = judgePipeline(now, [ago(90_000), ago(10_000), ago(3_600_000)], backlog);
    expect(s.worker.lastSeenAt).toEqual(ago(10_000));
    expect(s.mail).toEqual({ up: true, stalled: null, due: 4, oldestDueSeconds: 125, retrying: 2, failed: 1 });
    expect(judgePipeline(now, [ago(1_000)], due(MAIL_STALLED_AFTER_MS)).mail.stalled).toBe('queue');
    expect(judgePipeline(now, [ago(1_000)], retried(LIMIT, null)).mail.stalled).toBe('retries');
  });
});
