import { Logger } from '@nestjs/common';
import { loadConfig } from '@platform/config';

import { DeliverOutbox, nextAttemptAt } from './deliver-outbox.use-case';
import type { MailTransport } from './mail-transport';
import type { OutboxRepository } from './outbox.repository';
import type { OutboxMessage } from './outbox-message.entity';

const policy = {
  pollIntervalMs: 500,
  batchSize: 20,
  baseBackoffMs: 1_000,
  maxBackoffMs: 10_000,
  giveUpAfterMs: 60_000,
  claimTimeoutMs: 5_000,
};
const now = new Date('2030-01-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('nextAttemptAt', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 8_000],
    [5, 10_000],
    [12, 10_000],
    [0, 1_000],
  ])('after attempt %i waits %i ms', (attempts, delay) => {
    expect(nextAttemptAt({ attempts, createdAt: ago(1_000) }, now, policy)?.getTime()).toBe(now.getTime() + delay);
  });

  it.each([
    [59_999, false],
    [60_000, true],
    [3_600_000, true],
  ])('gives up on a message %i ms old: %s', (age, givesUp) => {
    expect(nextAttemptAt({ attempts: 1, createdAt: ago(age) }, now, policy) === null).toBe(givesUp);
  });
});

describe('DeliverOutbox', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  const message = (id: string) =>
    ({ id, template: 'password-set', attempts: 1, createdAt: new Date(), to: ['a@ks.no'], references: [] }) as unknown as OutboxMessage;

  function setup(send: (m: OutboxMessage) => Promise<void>, giveUpAfterMs = policy.giveUpAfterMs) {
    const outbox = {
      holdLease: jest.fn(async () => undefined),
      claimDue: jest.fn(async () => [message('m1'), message('m2')]),
      markSent: jest.fn(async () => undefined),
      markFailedAttempt: jest.fn(async () => undefined),
    };
    const transport = { kind: 'smtp', send: jest.fn(send) };
    const config = {
      ...loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 's'.repeat(32), ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') }),
      outbox: { ...policy, giveUpAfterMs },
    };
    const deliver = new DeliverOutbox(outbox as unknown as OutboxRepository, transport as unknown as MailTransport, config);
    return { deliver, outbox, transport };
  }

  it('claims a batch under its own worker id and marks the sent ones by one statement', async () => {
    const { deliver, outbox, transport } = setup(async () => undefined);
    await expect(deliver.execute()).resolves.toBe(2);
    expect(outbox.holdLease).toHaveBeenCalledWith(deliver.workerId);
    expect(outbox.claimDue).toHaveBeenCalledWith(deliver.workerId, policy.batchSize, policy.claimTimeoutMs);
    expect(transport.send).toHaveBeenCalledTimes(2);
    expect(outbox.markSent.mock.calls).toEqual([[['m1', 'm2'], deliver.workerId, 'smtp']]);
    expect(outbox.markFailedAttempt).not.toHaveBeenCalled();
  });

  it('schedules a retry for a failed send without stopping the others', async () => {
    const { deliver, outbox } = setup(async (m) => {
      if (m.id === 'm1') throw new Error('421 try later');
    });
    const before = Date.now();
    await deliver.execute();
    expect(outbox.markSent.mock.calls).toEqual([[['m2'], deliver.workerId, 'smtp']]);
    const [id, worker, error, retryAt] = outbox.markFailedAttempt.mock.calls[0] as unknown as [string, string, string, Date];
    expect([id, worker, error]).toEqual(['m1', deliver.workerId, '421 try later']);
    expect(retryAt.getTime()).toBeGreaterThanOrEqual(before + policy.baseBackoffMs);
    // The log names the row, never its recipients.
    expect(JSON.stringify(warn.mock.calls)).toContain('m1');
    expect(JSON.stringify(warn.mock.calls)).not.toContain('a@ks.no');
  });

  it('gives up (no next attempt) once the message is too old', async () => {
    const { deliver, outbox } = setup(async () => {
      throw new Error('refused');
    }, 1_000);
    outbox.claimDue.mockResolvedValueOnce([{ ...message('old'), createdAt: new Date(Date.now() - 2_000) } as OutboxMessage]);
    await deliver.execute();
    expect(outbox.markFailedAttempt).toHaveBeenCalledWith('old', deliver.workerId, 'refused', null);
  });

  it('marks nothing sent when every send failed', async () => {
    const { deliver, outbox } = setup(async () => {
      throw new Error('421 try later');
    });
    await expect(deliver.execute()).resolves.toBe(2);
    expect(outbox.markSent).not.toHaveBeenCalled();
    expect(outbox.markFailedAttempt).toHaveBeenCalledTimes(2);
  });

  it('gives each instance its own worker id', () => {
    expect(setup(async () => undefined).deliver.workerId).not.toBe(setup(async () => undefined).deliver.workerId);
  });
});
