import { isTransactionConflict, isUniqueViolation, violatesUniqueKeyOf } from './database-errors';

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

describe('isTransactionConflict', () => {
  it.each([
    ['a deadlock victim', { code: '40P01' }, true],
    ['a serialisation failure', { code: '40001' }, true],
    ['a deadlock as TypeORM wraps it', { code: undefined, driverError: { code: '40P01' } }, true],
    ['a deadlock as the cause of another error', Object.assign(new Error('query failed'), { cause: { code: '40P01' } }), true],
    ['a unique violation', { code: '23505' }, false],
    ['a statement timeout', { code: '57014' }, false],
    ['an error without a code', new Error('boom'), false],
    ['nothing', null, false],
  ])('%s: %s', (_, error, expected) => {
    expect(isTransactionConflict(error)).toBe(expected);
  });
});

describe('isUniqueViolation', () => {
  it.each([
    ['a unique violation', { code: '23505' }, true],
    ['one as TypeORM wraps it', { code: undefined, driverError: { code: '23505' } }, true],
    ['a foreign key violation', { code: '23503' }, false],
    ['a deadlock victim', { code: '40P01' }, false],
    ['nothing', null, false],
  ])('%s: %s', (_, error, expected) => {
    expect(isUniqueViolation(error)).toBe(expected);
  });
});
