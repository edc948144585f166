import { MAX_OFFSET, MAX_PAGE_SIZE, orderOf, pageWindow } from './paging';

describe('pageWindow', () => {
  it.each([
    [{}, { limit: 50, offset: 0 }],
    [
      { limit: 25, offset: 75 },
      { limit: 25, offset: 75 },
    ],
    [{ limit: 0 }, { limit: 1, offset: 0 }],
    [
      { limit: -5, offset: -1 },
      { limit: 50, offset: 0 },
    ],
    [{ limit: 10_000 }, { limit: MAX_PAGE_SIZE, offset: 0 }],
    [{ offset: 1e20 }, { limit: 50, offset: 0 }],
    [{ offset: MAX_OFFSET + 1 }, { limit: 50, offset: MAX_OFFSET }],
    [
      { limit: 2.5, offset: Number.NaN },
      { limit: 50, offset: 0 },
    ],
  ])('%j reads %j', (req, expected) => {
    expect(pageWindow(req, 50)).toEqual(expected);
  });
});

describe('orderOf', () => {
  const columns = { name: 'c.name', created: 'c.created_at' };
  const fallback = { sort: 'name' as const, direction: 'asc' as const };

  it.each([
    [{}, { expression: 'c.name', direction: 'ASC' }],
    [
      { sort: 'created', direction: 'desc' },
      { expression: 'c.created_at', direction: 'DESC' },
    ],
    [{ sort: 'evil; DROP TABLE consumer' }, { expression: 'c.name', direction: 'ASC' }],
    [{ sort: 'toString' }, { expression: 'c.name', direction: 'ASC' }],
    [
      { sort: 'created', direction: 'sideways' },
      { expression: 'c.created_at', direction: 'ASC' },
    ],
  ])('%j orders by %j', (req, expected) => {
    expect(orderOf(columns, req as never, fallback)).toEqual(expected);
  });
});
