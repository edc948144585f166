import { choices, list, nullable, oneOf, pick, text } from './form-body';

describe('form fields', () => {
  it.each([
    [' a ', 'a'],
    [['b ', 'c'], 'b'],
    [undefined, ''],
    [[], ''],
    [42, ''],
  ])('text(%p) is %p', (v, expected) => expect(text(v)).toBe(expected));

  it.each([
    ['', null],
    ['  ', null],
    [' x ', 'x'],
  ])('nullable(%p) is %p', (v, expected) => expect(nullable(v)).toBe(expected));

  it.each([
    [undefined, []],
    ['a', ['a']],
    [
      ['a', '', 'b'],
      ['a', 'b'],
    ],
  ])('list(%p) is %p', (v, expected) => expect(list(v)).toEqual(expected));

  it('keeps only allowed values', () => {
    expect(pick(['a', 'x', 'b'], ['a', 'b'] as const)).toEqual(['a', 'b']);
    expect(oneOf(' b ', ['a', 'b'] as const)).toBe('b');
    expect(oneOf('x', ['a', 'b'] as const)).toBeUndefined();
  });

  it('labels the choices and marks the chosen ones', () => {
    const labels = { a: 'A', b: 'B' };
    expect(choices(['a', 'b'] as const, labels, 'b')).toEqual([
      { value: 'a', label: 'A', selected: false },
      { value: 'b', label: 'B', selected: true },
    ]);
    expect(choices(['a', 'b'] as const, labels, ['a', 'b']).map((c) => c.selected)).toEqual([true, true]);
    expect(choices(['a', 'b'] as const, labels).map((c) => c.selected)).toEqual([false, false]);
  });
});
