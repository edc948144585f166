import { ValidationFailed } from '@platform/errors';

import { idempotencyKeyOf, requestHashOf } from './idempotency-key';

describe('idempotencyKeyOf', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['   ', null],
    [' key-1 ', 'key-1'],
    ['k'.repeat(200), 'k'.repeat(200)],
  ])('%j → %j', (raw, expected) => {
    expect(idempotencyKeyOf(raw)).toBe(expected);
  });

  it('refuses a key longer than 200 characters, naming the header', () => {
    expect(() => idempotencyKeyOf('k'.repeat(201))).toThrow(ValidationFailed);
    expect(() => idempotencyKeyOf('k'.repeat(201))).toThrow(/Idempotency-Key/);
  });
});

describe('requestHashOf', () => {
  it.each([
    ['the same body with keys in another order', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    ['another value', { a: 1 }, { a: 2 }, false],
    ['another order within a list', { a: [1, 2] }, { a: [2, 1] }, false],
    ['no body and null', undefined, null, true],
    ['an answer to another report', { answerTo: 'r1', body: 'x' }, { answerTo: 'r2', body: 'x' }, false],
  ])('%s: same request %s', (_, one, other, same) => {
    expect(requestHashOf(one) === requestHashOf(other)).toBe(same);
  });
});
