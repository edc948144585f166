import { Logger } from '@nestjs/common';
import { loadConfig } from '@platform/config';
import type { DatabaseContext } from '@platform/database';
import type { DomainEvents } from '@platform/events';

import { DeliverOutbox, DeliveryLane, isPermanentRefusal, nextAttemptAt } from './deliver-outbox.use-case';
import type { MailTransport } from './mail-transport';
import type { OutboxRepository } from './outbox.repository';
import type { OutboxMessage } from './outbox-message.entity';

const policy = {
  pollIntervalMs: 500,
  concurrency: 5,
  baseBackoffMs: 1_000,
  maxBackoffMs: 10_000,
  giveUpAfterMs: 60_000,
  claimTimeoutMs: 5_000,
  sendTimeoutMs: 500,
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

describe('isPermanentRefusal', () => {
  it.each([
    ['550 no such mailbox', { responseCode: 550 }, true],
    ['554 transaction failed', { responseCode: 554 }, true],
    ['421 try later', { responseCode: 421 }, false],
    ['451 local error', { responseCode: 451 }, false],
    ['a refused connection (no reply code)', { code: 'ECONNECTION' }, false],
    ['a timeout', { code: 'ETIMEDOUT' }, false],
    ['nothing', null, false],
  ])('%s: %s', (_label, error, permanent) => {
    expect(isPermanentRefusal(error)).toBe(permanent);
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
      leaseCheckDue: jest.fn(() => false),
      claimDue: jest.fn(
        async (_worker: string, _limit: number, _timeouts: object, _inFlight: string[], _sent: { ids: string[]; transport: string }) => [
          message('m1'),
          message('m2'),
        ],
      ),
      touchClaim: jest.fn(async (_id: string, _worker: string) => true),
      markSent: jest.fn(async (_ids: string[], _worker: string, _transport: string) => undefined),
      markFailedAttempt: jest.fn(async (_id: string, _worker: string, _error: string, _retryAt: Date | null) => true),
    };
    const transport = { kind: 'smtp', send: jest.fn(send) };
    const config = {
      ...loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 's'.repeat(32), ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') }),
      outbox: { ...policy, giveUpAfterMs },
    };
    const db = { transaction: jest.fn(<T>(work: () => Promise<T>) => work()) };
    const events = { publish: jest.fn(async (_type: string, _payload: Record<string, unknown>) => 'event-id') };
    const deliver = new DeliverOutbox(
      outbox as unknown as OutboxRepository,
      transport as unknown as MailTransport,
      config,
      db as unknown as DatabaseContext,
      events as unknown as DomainEvents,
    );
    return { deliver, outbox, transport, db, events };
  }

  it('claims a batch under its own worker id and marks each message sent as soon as the server took it', async () => {
    const { deliver, outbox, transport } = setup(async () => undefined);
    const order: string[] = [];
    transport.send.mockImplementation(async (m: OutboxMessage) => void order.push(`send ${m.id}`));
    outbox.markSent.mockImplementation(async (ids: string[]) => void order.push(`mark ${ids.join()}`));
    await expect(deliver.execute()).resolves.toBe(2);
    expect(outbox.holdLease).toHaveBeenCalledWith(deliver.workerId);
    expect(outbox.claimDue).toHaveBeenCalledWith(deliver.workerId, 20, expect.objectContaining(policy), [], { ids: [], transport: 'smtp' });
    expect(order).toEqual(['send m1', 'mark m1', 'send m2', 'mark m2']);
    expect(outbox.markSent.mock.calls.map((c) => c.slice(1))).toEqual([
      [deliver.workerId, 'smtp'],
      [deliver.workerId, 'smtp'],
    ]);
    expect(outbox.markFailedAttempt).not.toHaveBeenCalled();
  });

  it('renews the claim of a row that waited its turn, and sends none another worker has taken over meanwhile', async () => {
    const { deliver, outbox, transport } = setup(async () => undefined);
    outbox.touchClaim.mockImplementation(async (id: string) => id !== 'm2');
    await deliver.execute();
    expect(transport.send.mock.calls.map(([m]) => m.id)).toEqual(['m1']);
    // The first row was claimed just now; only the second waited.
    expect(outbox.touchClaim.mock.calls).toEqual([['m2', deliver.workerId]]);
    expect(outbox.markSent.mock.calls).toEqual([[['m1'], deliver.workerId, 'smtp']]);
  });

  it('tells a claim which of its rows the worker is sending, so it takes back only claims lost on the way', async () => {
    let release = () => undefined as void;
    const { deliver, outbox } = setup(() => new Promise<void>((resolve) => (release = resolve)));
    outbox.claimDue.mockResolvedValueOnce([message('m1')]).mockResolvedValueOnce([]);
    const sending = deliver.execute(1);
    await new Promise((resolve) => setImmediate(resolve));
    await deliver.execute(1);
    expect(outbox.claimDue.mock.calls[1][3]).toEqual(['m1']);
    release();
    await sending;
    outbox.claimDue.mockResolvedValueOnce([]);
    await deliver.execute(1);
    expect(outbox.claimDue.mock.calls[2][3]).toEqual([]);
  });

  it('claims only as many as it is asked for (a lane claims one)', async () => {
    const { deliver, outbox } = setup(async () => undefined);
    await deliver.execute(1);
    expect(outbox.claimDue).toHaveBeenCalledWith(deliver.workerId, 1, expect.anything(), [], { ids: [], transport: 'smtp' });
  });

  describe('in a lane', () => {
    it('leaves a sent message for the lane’s next claim to record, in flight until then', async () => {
      const { deliver, outbox } = setup(async () => undefined);
      const lane = new DeliveryLane();
      outbox.claimDue
        .mockResolvedValueOnce([message('m1')])
        .mockResolvedValueOnce([message('m2')])
        .mockResolvedValueOnce([]);
      await expect(deliver.execute(1, lane)).resolves.toBe(1);
      expect(outbox.markSent).not.toHaveBeenCalled();
      expect(lane.sent).toEqual(['m1']);
      await expect(deliver.execute(1, lane)).resolves.toBe(1);
      // The claim that records m1 still counts it in flight, so it cannot take it back as a lost claim.
      expect(outbox.claimDue.mock.calls[1].slice(3)).toEqual([['m1'], { ids: ['m1'], transport: 'smtp' }]);
      await expect(deliver.execute(1, lane)).resolves.toBe(0);
      expect(outbox.claimDue.mock.calls[2].slice(3)).toEqual([['m2'], { ids: ['m2'], transport: 'smtp' }]);
      expect(lane.sent).toEqual([]);
      await deliver.execute(1, lane);
      expect(outbox.claimDue.mock.calls[3].slice(3)).toEqual([[], { ids: [], transport: 'smtp' }]);
      expect(outbox.markSent).not.toHaveBeenCalled();
    });

    it('records a failed send at once, as outside a lane', async () => {
      const { deliver, outbox } = setup(async () => {
        throw new Error('421 try later');
      });
      const lane = new DeliveryLane();
      outbox.claimDue.mockResolvedValueOnce([message('m1')]);
      await deliver.execute(1, lane);
      expect(outbox.markFailedAttempt).toHaveBeenCalledTimes(1);
      expect(lane.sent).toEqual([]);
    });

    it('keeps the sent messages in flight for the lane’s next claim when a claim fails, and the pass fails', async () => {
      const { deliver, outbox } = setup(async () => undefined);
      const lane = new DeliveryLane();
      outbox.claimDue
        .mockResolvedValueOnce([message('m1')])
        .mockRejectedValueOnce(new Error('canceling statement due to statement timeout'));
      await deliver.execute(1, lane);
      await expect(deliver.execute(1, lane)).rejects.toThrow('statement timeout');
      expect(outbox.markSent).not.toHaveBeenCalled();
      expect(lane.sent).toEqual(['m1']);
      outbox.claimDue.mockResolvedValueOnce([]);
      await deliver.execute(1, lane);
      expect(outbox.claimDue.mock.calls[2].slice(3)).toEqual([['m1'], { ids: ['m1'], transport: 'smtp' }]);
      outbox.claimDue.mockResolvedValueOnce([]);
      await deliver.execute(1, lane);
      expect(outbox.claimDue.mock.calls[3].slice(3)).toEqual([[], { ids: [], transport: 'smtp' }]);
    });

    it('keeps them for the next claim too when taking the lease fails', async () => {
      const { deliver, outbox } = setup(async () => undefined);
      const lane = new DeliveryLane();
      outbox.claimDue.mockResolvedValueOnce([message('m1')]);
      await deliver.execute(1, lane);
      outbox.holdLease.mockRejectedValueOnce(new Error('ECONNREFUSED'));
      await expect(deliver.execute(1, lane)).rejects.toThrow('ECONNREFUSED');
      expect(lane.sent).toEqual(['m1']);
      expect(outbox.markSent).not.toHaveBeenCalled();
    });

    it('records the sent messages by themselves before a lease check, which may wait on the database', async () => {
      const { deliver, outbox } = setup(async () => undefined);
      const lane = new DeliveryLane();
      const order: string[] = [];
      outbox.claimDue.mockResolvedValueOnce([message('m1')]).mockResolvedValueOnce([]);
      await deliver.execute(1, lane);
      outbox.leaseCheckDue.mockReturnValueOnce(true);
      outbox.markSent.mockImplementationOnce(async (ids: string[]) => void order.push(`mark ${ids.join()}`));
      outbox.holdLease.mockImplementationOnce(async () => void order.push('lease'));
      await deliver.execute(1, lane);
      expect(order).toEqual(['mark m1', 'lease']);
      expect(outbox.claimDue.mock.calls[1].slice(3)).toEqual([[], { ids: [], transport: 'smtp' }]);
    });

    it('records what the lane sent when it closes', async () => {
      const { deliver, outbox } = setup(async () => undefined);
      const lane = new DeliveryLane();
      outbox.claimDue.mockResolvedValueOnce([message('m1')]);
      await deliver.execute(1, lane);
      await deliver.closeLane(lane);
      expect(outbox.markSent.mock.calls).toEqual([[['m1'], deliver.workerId, 'smtp']]);
      await deliver.closeLane(lane);
      expect(outbox.markSent).toHaveBeenCalledTimes(1);
      outbox.claimDue.mockResolvedValueOnce([]);
      await deliver.execute(1);
      expect(outbox.claimDue.mock.calls[1][3]).toEqual([]);
    });
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

  it('gives up at once when the server refuses the message for good (5xx)', async () => {
    const { deliver, outbox } = setup(async () => {
      throw Object.assign(new Error('550 5.1.1 mailbox unavailable'), { responseCode: 550 });
    });
    await deliver.execute();
    expect(outbox.markFailedAttempt).toHaveBeenCalledWith('m1', deliver.workerId, '550 5.1.1 mailbox unavailable', null);
    expect(JSON.stringify(warn.mock.calls)).toContain('"permanent":true');
  });

  it('tells what the message was about that it was given up on, in the transaction that records it', async () => {
    const { deliver, outbox, db, events } = setup(async () => {
      throw Object.assign(new Error('550 refused'), { responseCode: 550 });
    });
    outbox.claimDue.mockResolvedValueOnce([
      { ...message('m1'), template: 'escalation', relatedType: 'incident', relatedId: 'i1' } as OutboxMessage,
      message('m2'),
    ]);
    outbox.markFailedAttempt.mockImplementation(async (id: string) => id === 'm1');
    await deliver.execute();
    expect(db.transaction).toHaveBeenCalledTimes(2);
    // m2 was taken over by another worker meanwhile: nothing recorded, nothing told.
    expect(events.publish.mock.calls).toEqual([
      ['mail.undelivered', { outboxId: 'm1', template: 'escalation', relatedType: 'incident', relatedId: 'i1', error: '550 refused' }],
    ]);
  });

  it('tells nothing of a message it will try again', async () => {
    const { deliver, events, db } = setup(async () => {
      throw new Error('421 try later');
    });
    await deliver.execute();
    expect(db.transaction).not.toHaveBeenCalled();
    expect(events.publish).not.toHaveBeenCalled();
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

  it('writes a sent message’s outcome again while the database is out of reach, taking its lease again first, and sends it once', async () => {
    const { deliver, outbox, transport } = setup(async () => undefined);
    outbox.claimDue.mockResolvedValueOnce([message('m1')]);
    outbox.markSent.mockRejectedValueOnce(new Error('Connection terminated unexpectedly')).mockRejectedValueOnce(new Error('ECONNREFUSED'));
    await deliver.execute();
    expect(transport.send).toHaveBeenCalledTimes(1);
    expect(outbox.markSent).toHaveBeenCalledTimes(3);
    expect(outbox.holdLease).toHaveBeenCalledTimes(3);
  });

  it('stops writing the outcome again after half the claim timeout, and the pass fails', async () => {
    const { deliver, outbox } = setup(async () => undefined);
    outbox.claimDue.mockResolvedValueOnce([message('m1')]);
    outbox.markSent.mockRejectedValue(new Error('Connection terminated unexpectedly'));
    await expect(deliver.execute()).rejects.toThrow('Connection terminated');
    // 250 + 500 + 1000 ms fit in 2.5 s; the next wait (2 s) would not.
    expect(outbox.markSent).toHaveBeenCalledTimes(4);
  });

  it('gives each instance its own worker id', () => {
    expect(setup(async () => undefined).deliver.workerId).not.toBe(setup(async () => undefined).deliver.workerId);
  });
});
