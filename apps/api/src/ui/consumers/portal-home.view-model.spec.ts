import type { ConsumerNoticeView } from '@domain/notices';
import type { TicketSummary } from '@domain/support';

import { portalToDo } from './portal-home.view-model';

const notice = (over: Partial<ConsumerNoticeView>) =>
  ({
    id: 'n',
    title: 'Varsel',
    kind: 'dataset-change',
    status: 'sent',
    environments: [],
    roles: [],
    services: [],
    needsWork: false,
    readAt: null,
    readyAt: null,
    text: '',
    roleTexts: [],
    ...over,
  }) as unknown as ConsumerNoticeView;
const ticket = (n: number) => ({ id: `t${n}`, reference: `KS-S-2030-000${n}`, subject: `Spørsmål ${n}` }) as TicketSummary;
const read = new Date('2030-01-01T10:00:00Z');

describe('portalToDo', () => {
  it.each<[string, ConsumerNoticeView[], number]>([
    ['no notices', [], 0],
    ['one unread', [notice({})], 1],
    ['read, no work asked', [notice({ readAt: read })], 0],
    ['read, work asked and not ready', [notice({ readAt: read, needsWork: true })], 1],
    ['read and ready', [notice({ readAt: read, needsWork: true, readyAt: read })], 0],
    ['withdrawn, unread', [notice({ status: 'withdrawn' })], 0],
    ['two unread and one done', [notice({ id: 'a' }), notice({ id: 'b' }), notice({ id: 'c', readAt: read })], 2],
  ])('counts notices to confirm: %s', (_case, notices, expected) => {
    expect(portalToDo(notices, { items: [], total: 0 }).notices).toBe(expected);
  });

  it('names the questions shown and counts the rest', () => {
    const todo = portalToDo([], { items: [ticket(1), ticket(2)], total: 7 });
    expect(todo.tickets).toEqual([
      { id: 't1', reference: 'KS-S-2030-0001', subject: 'Spørsmål 1' },
      { id: 't2', reference: 'KS-S-2030-0002', subject: 'Spørsmål 2' },
    ]);
    expect(todo.moreTickets).toBe(5);
    expect(todo.nothing).toBe(false);
  });

  it.each<[string, ConsumerNoticeView[], number, boolean]>([
    ['nothing at all', [], 0, true],
    ['only a notice', [notice({})], 0, false],
    ['only a question', [], 1, false],
  ])('says whether anything waits: %s', (_case, notices, waiting, nothing) => {
    const items = Array.from({ length: waiting }, (_, i) => ticket(i));
    expect(portalToDo(notices, { items, total: waiting }).nothing).toBe(nothing);
  });
});
