import { listHref, type ListLinks, type ListSpec, pagination, parseListQuery, sortHeader } from './list-query';

type Key = 'name' | 'created';
const spec: ListSpec<Key> = { sorts: { name: 'asc', created: 'desc' }, defaultSort: 'created', pageSize: 50 };

describe('parseListQuery', () => {
  it.each([
    [{}, { sort: 'created', direction: 'desc', page: 1, offset: 0, sortChosen: false }],
    [{ sort: 'name' }, { sort: 'name', direction: 'asc', page: 1, offset: 0, sortChosen: true }],
    [
      { sort: 'name', dir: 'desc', page: '3' },
      { sort: 'name', direction: 'desc', page: 3, offset: 100, sortChosen: true },
    ],
    [{ sort: 'evil' }, { sort: 'created', direction: 'desc', page: 1, offset: 0, sortChosen: false }],
    [{ sort: 'constructor' }, { sort: 'created', direction: 'desc', page: 1, offset: 0, sortChosen: false }],
    [{ sort: "name'; DROP TABLE x; --" }, { sort: 'created', direction: 'desc', page: 1, offset: 0, sortChosen: false }],
    [{ dir: 'sideways' }, { sort: 'created', direction: 'desc', page: 1, offset: 0, sortChosen: false }],
    [{ page: 'abc' }, { page: 1, offset: 0 }],
    [{ page: '0' }, { page: 1, offset: 0 }],
    [{ page: '-2' }, { page: 1, offset: 0 }],
    [{ page: '2.5' }, { page: 1, offset: 0 }],
    [{ page: '1e20' }, { page: 1, offset: 0 }],
    [{ page: '99999999' }, { page: 1, offset: 0 }],
    [{ page: ['2', '3'] }, { page: 2, offset: 50 }],
    [{ offset: '100' }, { page: 3, offset: 100 }],
    [{ offset: '120' }, { page: 3, offset: 100 }],
    [{ offset: '1e20' }, { page: 1, offset: 0 }],
    [{ offset: '100000000000000000000' }, { page: 1, offset: 0 }],
  ])('%j reads as %j', (q, expected) => {
    expect(parseListQuery(q, spec)).toMatchObject(expected);
  });

  it('uses the default direction of the default sort when the list names one', () => {
    expect(parseListQuery({}, { ...spec, defaultSort: 'name', defaultDirection: 'desc' })).toMatchObject({
      sort: 'name',
      direction: 'desc',
    });
  });
});

describe('listHref', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(listHref('/incidents', { q: 'Alta kommune', status: '', side: undefined, page: 2 })).toBe('/incidents?q=Alta+kommune&page=2');
    expect(listHref('/mail', {})).toBe('/mail');
  });
});

const links = (q: Record<string, unknown>, filter: Record<string, string | undefined> = { q: 'x' }): ListLinks<Key> => ({
  path: '/list',
  filter,
  query: parseListQuery(q, spec),
});

describe('sortHeader', () => {
  it('marks the sorted column and flips its direction', () => {
    expect(sortHeader(links({ sort: 'name', dir: 'asc', page: '4' }), spec, 'name', 'Navn')).toEqual({
      label: 'Navn',
      href: '/list?q=x&sort=name&dir=desc',
      ariaSort: 'ascending',
      arrow: '▲',
      hint: 'Sorter etter navn, synkende',
    });
  });

  it('sorts another column its own way first, without aria-sort', () => {
    expect(sortHeader(links({ sort: 'name' }), spec, 'created', 'Opprettet')).toMatchObject({
      href: '/list?q=x&sort=created&dir=desc',
      ariaSort: undefined,
      arrow: '',
    });
    expect(sortHeader(links({}), spec, 'created', 'Opprettet')).toMatchObject({
      ariaSort: 'descending',
      href: '/list?q=x&sort=created&dir=asc',
    });
  });
});

describe('pagination', () => {
  const incident = { one: 'hendelse', other: 'hendelser' };

  it.each<[string, Record<string, string>, number, string]>([
    ['one', {}, 1, 'Viser 1–1 av 1 hendelse'],
    ['thousands', { page: '25' }, 1234, 'Viser 1\u00a0201–1\u00a0234 av 1\u00a0234 hendelser'],
  ])('names the total with its noun in bokmål (%s)', (_, q, total, summary) => {
    expect(pagination(links(q), total, incident).summary).toBe(summary);
  });

  it('counts what is shown and links to the pages around this one, keeping filter and sort', () => {
    const p = pagination(links({ sort: 'name', page: '2' }), 159, incident);
    expect(p.summary).toBe('Viser 51–100 av 159 hendelser');
    expect(p.prev).toBe('/list?q=x&sort=name&dir=asc');
    expect(p.next).toBe('/list?q=x&sort=name&dir=asc&page=3');
    expect(p.pages.map((x) => [x.number, x.current])).toEqual([
      [1, false],
      [2, true],
      [3, false],
      [4, false],
    ]);
    expect(p.keep).toEqual([
      { name: 'sort', value: 'name' },
      { name: 'dir', value: 'asc' },
    ]);
  });

  it('shows the last, short page and marks gaps in the page numbers', () => {
    const p = pagination(links({ page: '10' }), 480, incident);
    expect(p.summary).toBe('Viser 451–480 av 480 hendelser');
    expect(p.next).toBeNull();
    expect(p.pages.map((x) => [x.number, x.gapBefore])).toEqual([
      [1, false],
      [8, true],
      [9, false],
      [10, false],
    ]);
  });

  it('has no page links for one page, and says so when nothing matches or the page is past the end', () => {
    expect(pagination(links({}), 7, incident)).toMatchObject({ summary: 'Viser 1–7 av 7 hendelser', pages: [], prev: null, next: null });
    expect(pagination(links({}), 0, incident)).toMatchObject({ summary: null, pages: [] });
    expect(pagination(links({ page: '9' }), 60, incident)).toMatchObject({
      summary: 'Ingen treff på side 9 (60 hendelser i alt)',
      prev: '/list?q=x&page=2',
    });
  });
});
