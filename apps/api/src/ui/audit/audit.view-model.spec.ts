import type { AuditEntry } from '@domain/audit';

import { auditFilter, auditViewModel } from './audit.view-model';

describe('audit view model', () => {
  it('reads the filter: whole days with the last day included, and only numeric paging ids', () => {
    expect(auditFilter({ actor: ' a@ks.no ', from: '2026-11-01', to: '2026-11-30', before: '42' }, 100)).toEqual({
      actor: 'a@ks.no',
      action: undefined,
      objectType: undefined,
      objectId: undefined,
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
      beforeId: '42',
      limit: 100,
    });
    expect(auditFilter({ from: 'yesterday', before: '1; drop' }, 100)).toMatchObject({ from: undefined, beforeId: undefined });
  });

  it.each<[string, string, object]>([
    ['a group of the menu: all its actions', 'sign-in', { actions: ['login.succeeded', 'login.failed', 'login.locked', 'logout'] }],
    ['one action', 'staff.updated', { actions: ['staff.updated'] }],
    ['the start of codes, from a link typed by hand', 'staff.', { action: 'staff.' }],
  ])('reads the action filter as %s', (_, asked, expected) => {
    const filter = auditFilter({ action: asked }, 100);
    expect({ action: filter.action, actions: filter.actions }).toEqual({ action: undefined, actions: undefined, ...expected });
  });

  it('names actions, object types and who acted in bokmål, and offers the names in the filter', () => {
    const entries = [
      { id: '2', action: 'consumer.updated', objectType: 'consumer', actorKind: 'staff', details: {} },
      { id: '1', action: 'something.newer', objectType: 'thing', actorKind: 'system', details: {} },
    ] as unknown as AuditEntry[];
    const model = auditViewModel(entries, { action: 'consumer.updated', objectType: 'consumer' }, 100);
    expect(model.entries.map((e) => [e.actionLabel, e.objectTypeLabel, e.actorKindLabel])).toEqual([
      ['Konsument endret', 'Konsument', 'KS-ansatt'],
      ['something.newer', 'thing', 'systemet'],
    ]);
    const options = model.actionGroups.flatMap((g) => g.options);
    expect(options.filter((o) => o.selected)).toEqual([{ value: 'consumer.updated', label: 'Konsument endret', selected: true }]);
    expect(options.find((o) => o.value === 'sign-in')?.label).toBe('Innlogging (KS): alle');
    expect(model.objectTypes.filter((o) => o.selected).map((o) => o.label)).toEqual(['Konsument']);
    expect(model.typedAction).toBeNull();
    expect(auditViewModel([], { action: 'staff.' }, 100).typedAction).toEqual({
      value: 'staff.',
      label: 'Koder som begynner med «staff.»',
    });
  });

  it('shows details as JSON and offers older entries only after a full page', () => {
    const entries = [
      { id: '9', action: 'x', objectType: 'y', actorKind: 'staff', details: { a: 1 } },
      { id: '8', action: 'x', objectType: 'y', actorKind: 'staff', details: {} },
    ] as unknown as AuditEntry[];
    const full = auditViewModel(entries, {}, 2);
    expect(full.entries.map((e) => e.detailsJson)).toEqual(['{\n  "a": 1\n}', '']);
    expect(full.nextBefore).toBe('8');
    expect(auditViewModel(entries, {}, 100).nextBefore).toBeNull();
  });
});
