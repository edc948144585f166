import { inputShapeErrors, MAX_FIELDS_PER_OBJECT, MAX_INPUT_DEPTH } from './validation.pipe';

const fields = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, i]));

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
    ['a whole surrogate pair (an emoji)', { title: 'Feil 😀 i svar' }],
    ['letters from outside the basic plane', { title: '𝔉𝔢𝔦𝔩' }],
    ['Norwegian and Sami letters', { title: 'Bærum, Guovdageaidnu, Čáhcesuolu' }],
    ['an object with the most fields allowed', { extra: fields(MAX_FIELDS_PER_OBJECT) }],
    ['an array longer than that (its items are no fields)', { reports: Array.from({ length: MAX_FIELDS_PER_OBJECT + 1 }, () => ({})) }],
  ])('accepts %s', (_name, value) => {
    expect(inputShapeErrors(value)).toEqual([]);
  });

  it.each([
    ['a NUL in a field', { title: 'a\u0000b' }, 'title', 'NUL'],
    ['a NUL deep in an array', { reports: [{ title: 'ok' }, { description: '\u0000' }] }, 'reports[1].description', 'NUL'],
    ['a NUL in a query string value', { q: 'x\u0000' }, 'q', 'NUL'],
    ['a lone high surrogate', { errorCode: 'x\ud800' }, 'errorCode', 'surrogate'],
    ['a lone low surrogate at the start', { name: '\udc00abc' }, 'name', 'surrogate'],
    ['a high surrogate followed by another high one', { title: '\ud83d\ud83d\ude00' }, 'title', 'surrogate'],
    ['a lone surrogate in an e-mail address in an array', { contacts: [{ email: 'a\ud800@b.no' }] }, 'contacts[0].email', 'surrogate'],
    ['a lone surrogate in a key', { tags: { '\ud800': 'x' } }, 'tags', 'surrogate'],
    ['nesting one level over the limit', { extra: nested(MAX_INPUT_DEPTH) }, 'extra', 'nested'],
    ['one field too many in the body', fields(MAX_FIELDS_PER_OBJECT + 1), 'body', 'fields'],
    ['150,000 fields in a nested object', { title: 'x', extra: fields(150_000) }, 'extra', 'fields'],
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
