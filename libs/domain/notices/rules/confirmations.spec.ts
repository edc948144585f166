import { awaitsConfirmation, confirmationsDue, type ReceivedNotice } from './confirmations';

const at = new Date('2030-01-01T10:00:00Z');

describe('confirmationsDue', () => {
  it.each<[string, ReceivedNotice, { read: boolean; ready: boolean }, boolean]>([
    ['unread, no work asked', { status: 'sent', needsWork: false, readAt: null, readyAt: null }, { read: true, ready: false }, true],
    ['read, no work asked', { status: 'sent', needsWork: false, readAt: at, readyAt: null }, { read: false, ready: false }, false],
    ['unread, work asked', { status: 'sent', needsWork: true, readAt: null, readyAt: null }, { read: true, ready: true }, true],
    ['read, work asked, not ready', { status: 'sent', needsWork: true, readAt: at, readyAt: null }, { read: false, ready: true }, true],
    [
      'ready without a read (ready by link)',
      { status: 'sent', needsWork: true, readAt: null, readyAt: at },
      { read: true, ready: false },
      true,
    ],
    ['read and ready', { status: 'sent', needsWork: true, readAt: at, readyAt: at }, { read: false, ready: false }, false],
    [
      'withdrawn, unread, work asked',
      { status: 'withdrawn', needsWork: true, readAt: null, readyAt: null },
      { read: false, ready: false },
      false,
    ],
  ])('%s', (_case, notice, due, awaits) => {
    expect(confirmationsDue(notice)).toEqual(due);
    expect(awaitsConfirmation(notice)).toBe(awaits);
  });
});
