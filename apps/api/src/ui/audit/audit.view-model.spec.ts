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

  it('shows details as JSON and offers older entries only after a full page', () => {
    const entries = [
      { id: '9', details: { a: 1 } },
      { id: '8', details: {} },
    ] as unknown as AuditEntry[];
    const full = auditViewModel(entries, {}, 2);
    expect(full.entries.map((e) => e.detailsJson)).toEqual(['{\n  "a": 1\n}', '']);
    expect(full.nextBefore).toBe('8');
    expect(auditViewModel(entries, {}, 100).nextBefore).toBeNull();
  });
});
