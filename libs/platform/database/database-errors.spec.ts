import { violatesUniqueKeyOf } from './database-errors';

describe('violatesUniqueKeyOf', () => {
  it.each([
    ['a unique violation on the table', { code: '23505', table: 'idempotency_record' }, true],
    ['a unique violation on another table', { code: '23505', table: 'report' }, false],
    ['another integrity violation on the table', { code: '23503', table: 'idempotency_record' }, false],
    ['an error without a code', new Error('connection lost'), false],
    ['nothing', null, false],
    ['a string', '23505', false],
  ])('%s: %s', (_, error, expected) => {
    expect(violatesUniqueKeyOf(error, 'idempotency_record')).toBe(expected);
  });
});
