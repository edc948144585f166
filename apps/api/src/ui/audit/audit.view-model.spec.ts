import type { AuditEntry } from '@domain/audit';

import { parseListQuery } from '../shared/list-query';
import { AUDIT_LIST, auditFilter, auditViewModel } from './audit.view-model';

describe('audit view model', () => {
  it('reads the filter: whole days with the last day included', () => {
    expect(auditFilter({ actor: ' a@ks.no ', from: '2026-11-01', to: '2026-11-30' })).toEqual({
      actor: 'a@ks.no',
      action: undefined,
      objectType: undefined,
      objectId: undefined,
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
    });
    expect(auditFilter({ from: 'yesterday' })).toMatchObject({ from: undefined });
  });

  it('shows details as JSON, counts the entries and pages them, keeping the filter', () => {
    const entries = [
      { id: '9', details: { a: 1 } },
      { id: '8', details: {} },
    ] as unknown as AuditEntry[];
    const model = auditViewModel({ items: entries, total: 250 }, { actor: 'kari' }, parseListQuery({ page: '2' }, AUDIT_LIST));
    expect(model.entries.map((e) => e.detailsJson)).toEqual(['{\n  "a": 1\n}', '']);
    expect(model.pagination).toMatchObject({
      summary: 'Viser 101–200 av 250',
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
