import type { AuditEntry } from '@domain/audit';

import { parseListQuery } from '../shared/list-query';
import { AUDIT_LIST, auditFilter, auditViewModel } from './audit.view-model';

describe('audit view model', () => {
  it('reads the filter: whole days in Norway with the last day included', () => {
    expect(auditFilter({ actor: ' a@ks.no ', from: '2026-11-01', to: '2026-11-30' })).toEqual({
      actor: 'a@ks.no',
      action: undefined,
      objectType: undefined,
      objectId: undefined,
      from: new Date('2026-10-31T23:00:00Z'),
      to: new Date('2026-11-30T23:00:00Z'),
    });
  });

  it.each<[string, Record<string, string>, { from?: Date; to?: Date }]>([
    [
      'summer time',
      { from: '2026-07-01', to: '2026-07-01' },
      { from: new Date('2026-06-30T22:00:00Z'), to: new Date('2026-07-01T22:00:00Z') },
    ],
    [
      'a day of 23 hours',
      { from: '2026-03-29', to: '2026-03-29' },
      { from: new Date('2026-03-28T23:00:00Z'), to: new Date('2026-03-29T22:00:00Z') },
    ],
    [
      'a day of 25 hours',
      { from: '2026-10-25', to: '2026-10-25' },
      { from: new Date('2026-10-24T22:00:00Z'), to: new Date('2026-10-25T23:00:00Z') },
    ],
    ['the last day of a year', { to: '2026-12-31' }, { from: undefined, to: new Date('2026-12-31T23:00:00Z') }],
    ['a leap day', { from: '2028-02-29' }, { from: new Date('2028-02-28T23:00:00Z') }],
    ['the last day there is, as «no end»', { to: '9999-12-31' }, { to: new Date('9999-12-31T23:00:00Z') }],
    ['words', { from: 'yesterday', to: 'i dag' }, { from: undefined, to: undefined }],
    ['a month the calendar does not have', { from: '2026-13-01', to: '2026-00-10' }, { from: undefined, to: undefined }],
    ['a day the month does not have', { from: '2026-02-30', to: '2027-02-29' }, { from: undefined, to: undefined }],
  ])('reads dates across %s', (_, query, expected) => {
    expect(auditFilter(query)).toMatchObject(expected);
  });

  it.each<[string, string, object]>([
    ['a group of the menu: all its actions', 'sign-in', { actions: ['login.succeeded', 'login.failed', 'login.locked', 'logout'] }],
    ['one action', 'staff.updated', { actions: ['staff.updated'] }],
    ['the start of codes, from a link typed by hand', 'staff.', { action: 'staff.' }],
  ])('reads the action filter as %s', (_, asked, expected) => {
    const filter = auditFilter({ action: asked });
    expect({ action: filter.action, actions: filter.actions }).toEqual({ action: undefined, actions: undefined, ...expected });
  });

  it('names actions, object types and who acted in bokmål, and offers the names in the filter', () => {
    const entries = [
      { id: '2', action: 'consumer.updated', objectType: 'consumer', actorKind: 'staff', details: {} },
      { id: '1', action: 'something.newer', objectType: 'thing', actorKind: 'system', details: {} },
    ] as unknown as AuditEntry[];
    const model = auditViewModel(
      { items: entries, total: 2 },
      { action: 'consumer.updated', objectType: 'consumer' },
      parseListQuery({}, AUDIT_LIST),
    );
    expect(model.entries.map((e) => [e.actionLabel, e.objectTypeLabel, e.actorKindLabel])).toEqual([
      ['Konsument endret', 'Konsument', 'KS-ansatt'],
      ['something.newer', 'thing', 'systemet'],
    ]);
    const options = model.actionGroups.flatMap((g) => g.options);
    expect(options.filter((o) => o.selected)).toEqual([{ value: 'consumer.updated', label: 'Konsument endret', selected: true }]);
    expect(options.find((o) => o.value === 'sign-in')?.label).toBe('Innlogging (KS): alle');
    expect(model.objectTypes.filter((o) => o.selected).map((o) => o.label)).toEqual(['Konsument']);
    expect(model.typedAction).toBeNull();
    expect(auditViewModel({ items: [], total: 0 }, { action: 'staff.' }, parseListQuery({}, AUDIT_LIST)).typedAction).toEqual({
      value: 'staff.',
      label: 'Koder som begynner med «staff.»',
    });
  });

  it('links the object to its page where it has one', () => {
    const entries = [
      { id: '3', action: 'ticket.created', objectType: 'ticket', objectId: 'a1b2', actorKind: 'staff', details: {} },
      { id: '2', action: 'staff.created', objectType: 'staff_user', objectId: 'c3d4', actorKind: 'staff', details: {} },
      { id: '1', action: 'notice.sent', objectType: 'notice', objectId: null, actorKind: 'staff', details: {} },
    ] as unknown as AuditEntry[];
    const model = auditViewModel({ items: entries, total: 3 }, {}, parseListQuery({}, AUDIT_LIST));
    expect(model.entries.map((e) => e.objectHref)).toEqual(['/tickets/a1b2', null, null]);
  });

  it('shows details as JSON, counts the entries and pages them, keeping the filter', () => {
    const entries = [
      { id: '9', action: 'x', objectType: 'y', actorKind: 'staff', details: { a: 1 } },
      { id: '8', action: 'x', objectType: 'y', actorKind: 'staff', details: {} },
    ] as unknown as AuditEntry[];
    const model = auditViewModel({ items: entries, total: 250 }, { actor: 'kari' }, parseListQuery({ page: '2' }, AUDIT_LIST));
    expect(model.entries.map((e) => e.detailsJson)).toEqual(['{\n  "a": 1\n}', '']);
    expect(model.pagination).toMatchObject({
      summary: 'Viser 101–200 av 250 oppføringer',
      next: '/audit?actor=kari&page=3',
      prev: '/audit?actor=kari',
    });
  });

  it('sorts by time, newest first, unless a column is chosen', () => {
    const model = auditViewModel({ items: [], total: 0 }, {}, parseListQuery({ sort: 'action' }, AUDIT_LIST));
    expect(model.columns.map((c) => c.label)).toEqual(['Tid', 'Hvem', 'Handling', 'Objekt', 'Fra', 'Detaljer']);
    expect(model.columns[2]).toMatchObject({ ariaSort: 'ascending', href: '/audit?sort=action&dir=desc' });
    expect(model.columns[0]).toMatchObject({ ariaSort: undefined, href: '/audit?sort=at&dir=desc' });
    expect(auditViewModel({ items: [], total: 0 }, {}, parseListQuery({ sort: 'ip' }, AUDIT_LIST)).columns[0]).toMatchObject({
      ariaSort: 'descending',
    });
  });
});
