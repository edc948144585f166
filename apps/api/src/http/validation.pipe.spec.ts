import { inputShapeErrors, MAX_INPUT_DEPTH } from './validation.pipe';

function nested(depth: number): unknown {
  let v: unknown = 'bunn';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

describe('inputShapeErrors', () => {
  it.each([
    ['a flat body', { title: 'Hei', httpStatus: 503 }],
    ['an import batch', { reports: [{ title: 'a', services: ['x', 'y'] }] }],
    ['nesting at the limit', { extra: nested(MAX_INPUT_DEPTH - 1) }],
    ['null, numbers and booleans', { a: null, b: 1, c: true }],
    ['no body', undefined],
  ])('accepts %s', (_name, value) => {
    expect(inputShapeErrors(value)).toEqual([]);
  });

  it.each([
    ['a NUL in a field', { title: 'a\u0000b' }, 'title', 'NUL'],
    ['a NUL deep in an array', { reports: [{ title: 'ok' }, { description: '\u0000' }] }, 'reports[1].description', 'NUL'],
    ['a NUL in a query string value', { q: 'x\u0000' }, 'q', 'NUL'],
    ['nesting one level over the limit', { extra: nested(MAX_INPUT_DEPTH) }, 'extra', 'nested'],
  ])('rejects %s naming the field', (_name, value, field, words) => {
    const errors = inputShapeErrors(value);
    expect(errors).toHaveLength(1);
    expect(errors[0].field.startsWith(field)).toBe(true);
    expect(errors[0].message).toContain(words);
  });

  it('survives 100,000 levels without exhausting the stack', () => {
    expect(inputShapeErrors({ extra: nested(100_000) })[0].message).toContain('nested');
  });
});
