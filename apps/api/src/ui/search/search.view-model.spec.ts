import { searchText, searchViewModel } from './search.view-model';

const group = (kind: string, total: number, hits = total, listHref?: string) => ({
  kind,
  label: kind === 'incidents' ? 'Hendelser' : 'Konsumenter',
  total,
  hits: Array.from({ length: hits }, (_, i) => ({ href: `/${kind}/${i}`, title: `T${i}` })),
  listHref,
});

describe('searchViewModel', () => {
  it('counts every group, puts the groups with hits first and links to the full list only when there are more', () => {
    const model = searchViewModel('feil', [
      group('consumers', 0, 0, '/consumers?q=feil'),
      group('incidents', 1234, 5, '/incidents?q=feil'),
    ]);
    expect(model.title).toBe('Søk etter «feil»');
    expect(model.summary).toBe('1\u00a0234 treff');
    expect(model.counts).toEqual([
      { kind: 'incidents', label: 'Hendelser (1\u00a0234)', found: true },
      { kind: 'consumers', label: 'Konsumenter (0)', found: false },
    ]);
    expect(model.groups[0].more).toEqual({ href: '/incidents?q=feil', label: 'Vis alle 1\u00a0234' });
    expect(model.groups[1]).toMatchObject({ more: undefined, empty: 'Ingen treff her.' });
  });

  it.each([
    ['no search yet', '', [], { searched: false, summary: undefined, title: 'Søk' }],
    ['nothing found', 'zz', [group('incidents', 0, 0)], { searched: true, summary: 'Ingen treff.' }],
    ['one hit, no list link without one', 'x', [group('incidents', 1)], { summary: '1 treff' }],
  ] as const)('%s', (_case, text, groups, expected) => {
    expect(searchViewModel(text, [...groups])).toMatchObject(expected);
  });

  it.each([
    ['  KS-2026-0001 ', 'KS-2026-0001'],
    [['a', 'b'], ''],
    [undefined, ''],
    ['x'.repeat(300), 'x'.repeat(100)],
  ])('reads the search text %#', (raw, text) => {
    expect(searchText(raw)).toBe(text);
  });
});
