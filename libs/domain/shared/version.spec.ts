import { versionOf } from './version';

describe('versionOf', () => {
  const stored = { id: 'a', name: 'Oslo kommune', contacts: [{ email: 'x@oslo.example' }], updatedAt: new Date('2026-01-01T00:00:00Z') };

  it.each<[string, unknown, boolean]>([
    ['the same content read again', structuredClone(stored), true],
    ['a changed field', { ...stored, name: 'Oslo' }, false],
    ['a changed nested value', { ...stored, contacts: [{ email: 'y@oslo.example' }] }, false],
    ['a later update time', { ...stored, updatedAt: new Date('2026-01-01T00:00:01Z') }, false],
    ['a field added', { ...stored, status: 'active' }, false],
  ])('%s: equal %s', (_, other, equal) => {
    expect(versionOf(other) === versionOf(stored)).toBe(equal);
  });

  it('is short, and safe in a header and a URL', () => {
    expect(versionOf(stored)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
