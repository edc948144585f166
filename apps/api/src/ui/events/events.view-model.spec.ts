import type { DomainEvent } from '@platform/events';

import { parseListQuery } from '../shared/list-query';
import { EVENTS_LIST, eventsListViewModel } from './events.view-model';

const event = (over: Partial<DomainEvent>) =>
  ({ id: 'e1', type: 'catalogue.version-published', status: 'failed', attempts: 8, lastError: 'boom', ...over }) as DomainEvent;
const counts = { pending: 1, processing: 0, done: 5, failed: 2 };

describe('eventsListViewModel', () => {
  it('names known event types in Norwegian, shows an unknown one as its code, and offers a retry only for failed ones', () => {
    const model = eventsListViewModel(
      { items: [event({}), event({ id: 'e2', type: 'x.unknown', status: 'done', lastError: 'old' })], total: 2 },
      counts,
      undefined,
      parseListQuery({}, EVENTS_LIST),
    );
    expect(model.events[0]).toMatchObject({
      type: expect.stringContaining('Bilag 2'),
      typeIsCode: false,
      status: 'Feilet',
      canRetry: true,
    });
    expect(model.events[1]).toMatchObject({ type: 'x.unknown', typeIsCode: true, status: 'Ferdig', canRetry: false, lastError: null });
    expect(model.statuses.map((s) => s.label)).toEqual(['Venter (1)', 'Behandles (0)', 'Ferdig (5)', 'Feilet (2)']);
    expect(model.pagination.summary).toBe('Viser 1–2 av 2 bakgrunnsjobber');
  });

  it('keeps the status filter in the sort links and falls back to the newest first', () => {
    const model = eventsListViewModel(
      { items: [], total: 0 },
      counts,
      'failed',
      parseListQuery({ sort: 'payload' }, EVENTS_LIST),
      'retried',
    );
    expect(model.columns[0]).toMatchObject({ ariaSort: 'descending', href: '/events?status=failed&sort=created&dir=asc' });
    expect(model.statuses.find((s) => s.selected)?.value).toBe('failed');
    expect(model.done).toContain('prøves igjen');
  });
});
