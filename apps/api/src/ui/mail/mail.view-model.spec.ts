import { judgePipeline } from '@platform/heartbeat';
import type { OutboxMessage } from '@platform/mail';

import { parseListQuery } from '../shared/list-query';
import { MAIL_LIST, mailListViewModel } from './mail.view-model';

const message = { id: 'm1', subject: 'Hei', to: ['a@example.test'], status: 'sent' } as OutboxMessage;
const now = new Date('2026-12-04T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const quiet = { due: 0, oldestDueAt: null, retrying: 0, oldestRetryingSince: null, lastSentAt: null, failed: 0 };
const running = judgePipeline(now, [ago(5)], quiet);

describe('mailListViewModel', () => {
  it('lists the newest first, counts them and keeps the status filter in the sort links', () => {
    const model = mailListViewModel({ items: [message], total: 120 }, 'sent', parseListQuery({}, MAIL_LIST), running);
    expect(model.pagination.summary).toBe('Viser 1–50 av 120 e-poster');
    expect(model.pagination.next).toBe('/mail?status=sent&page=2');
    expect(model.columns[0]).toMatchObject({ label: 'Laget', ariaSort: 'descending', href: '/mail?status=sent&sort=created&dir=asc' });
    expect(model.columns[1]).toMatchObject({ label: 'Emne', ariaSort: undefined, href: '/mail?status=sent&sort=subject&dir=asc' });
    expect(model.columns[2]).toEqual({ sortable: false, label: 'Til' });
  });

  it('falls back to the newest first for a sort it does not know', () => {
    const model = mailListViewModel({ items: [], total: 0 }, undefined, parseListQuery({ sort: 'html', page: 'x' }, MAIL_LIST), running);
    expect(model.columns[0]).toMatchObject({ ariaSort: 'descending' });
    expect(model.pagination.summary).toBeNull();
  });

  it('names an e-mail about a security case the reader may not see without its subject', () => {
    const model = mailListViewModel(
      { items: [{ ...message, subject: '', restricted: true }], total: 1 },
      undefined,
      parseListQuery({}, MAIL_LIST),
      running,
    );
    expect(model.messages[0].subject).toBe('Sikkerhetssak (innholdet er skjermet)');
  });

  it.each([
    ['a worker runs and the queue moves', [ago(5)], { ...quiet, due: 3, oldestDueAt: ago(20) }, { workerDown: false, stalled: null }],
    ['no worker has beaten for a minute', [ago(61)], { ...quiet, due: 3, oldestDueAt: ago(20) }, { workerDown: true, stalled: null }],
    ['no worker ever', [], quiet, { workerDown: true, stalled: null, lastSeenAt: null }],
    [
      'a worker runs but due mail has waited six minutes',
      [ago(5)],
      { ...quiet, due: 2, oldestDueAt: ago(360) },
      { workerDown: false, stalled: 'queue', waitedMinutes: 6 },
    ],
    [
      'retried mail has not got through for 20 minutes',
      [ago(5)],
      { ...quiet, retrying: 3, oldestRetryingSince: ago(1200) },
      { workerDown: false, stalled: 'retries', retrying: 3 },
    ],
    ['mail was given up on', [ago(5)], { ...quiet, failed: 2 }, { workerDown: false, stalled: null, failed: 2 }],
  ])('tells staff about delivery when %s', (_, beats, backlog, expected) => {
    const model = mailListViewModel({ items: [], total: 0 }, undefined, parseListQuery({}, MAIL_LIST), judgePipeline(now, beats, backlog));
    expect(model.delivery).toMatchObject(expected);
  });
});
