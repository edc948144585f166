import { createHash } from 'node:crypto';

import { displayPrefix, hashToken, newSecretToken, sameSecret } from './secret-token';

describe('secret tokens', () => {
  it('are long, random and carry their prefix', () => {
    const a = newSecretToken('sdt');
    const b = newSecretToken('sdt');
    expect(a).toMatch(/^sdt_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('are looked up by their SHA-256 in hex', () => {
    expect(hashToken('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
    expect(hashToken('abc')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken('abc')).not.toBe(hashToken('abd'));
  });

  it.each([
    ['sdt_abcdefghijk', 'sdt_abcdef'],
    ['pw_XYZ123456789', 'pw_XYZ123'],
    ['noprefixtoken0123456789', 'noprefix'],
    ['short', 'short'],
    ['a_b', 'a_b'],
  ])('shows %s as %s in lists', (token, prefix) => {
    expect(displayPrefix(token)).toBe(prefix);
  });

  it('never shows enough of a token to use it', () => {
    const token = newSecretToken('sdt');
    expect(displayPrefix(token).length).toBeLessThanOrEqual(10);
  });

  it.each([
    ['same', 'same', true],
    ['same', 'Same', false],
    ['same', 'same ', false],
    ['', 'x', false],
    ['æøå', 'æøå', true],
  ])('compares %j and %j in constant time: %s', (a, b, equal) => {
    expect(sameSecret(a, b)).toBe(equal);
  });
});
