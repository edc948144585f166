import fc from 'fast-check';

import { isValidOrganisationNumber, organisationNumberCheckDigit } from './organisation-number';

const digit = fc.integer({ min: 0, max: 9 });
const eightDigits = fc.array(digit, { minLength: 8, maxLength: 8 }).map((ds) => ds.join(''));

describe('isValidOrganisationNumber', () => {
  it.each([
    ['974760673', true],
    ['938801363', true],
    ['964338531', true],
    ['123456789', false],
    // Check digit 11 -> 0: 3*1 + 2*1 + 7*0 + 6*0 + 5*0 + 4*0 + 3*0 + 2*3 = 11.
    ['110000030', true],
    ['110000031', false],
    // Right digits, wrong check digit.
    ['974760674', false],
    ['974760670', false],
    ['000000000', true],
    ['', false],
    ['97476067', false],
    ['9747606730', false],
    ['974 760 673', false],
    ['97476067a', false],
    ['-97476067', false],
    [' 974760673', false],
    ['974760673\n', false],
    ['９７４７６０６７３', false],
  ])('%j -> %s', (value, expected) => {
    expect(isValidOrganisationNumber(value)).toBe(expected);
  });

  it('rejects every candidate whose remainder would require check digit 10', () => {
    // 3*0 + 2*0 + 7*0 + 6*0 + 5*0 + 4*0 + 3*0 + 2*6 = 12, 12 % 11 = 1, 11 - 1 = 10.
    expect(organisationNumberCheckDigit('00000006')).toBeUndefined();
    for (let last = 0; last <= 9; last++) {
      expect(isValidOrganisationNumber(`00000006${last}`)).toBe(false);
    }
  });

  it.each([
    ['97476067', 3],
    ['93880136', 3],
    ['96433853', 1],
    ['12345678', 5],
    ['11000003', 0],
  ])('check digit of %s is %d', (firstEight, expected) => {
    expect(organisationNumberCheckDigit(firstEight)).toBe(expected);
  });

  it.each(['', '1234567', '123456789', '1234567x'])('has no check digit for malformed input %j', (input) => {
    expect(organisationNumberCheckDigit(input)).toBeUndefined();
  });

  it('property: the computed check digit makes any 8 digits valid, unless it would be 10', () => {
    fc.assert(
      fc.property(eightDigits, (firstEight) => {
        const check = organisationNumberCheckDigit(firstEight);
        const candidates = Array.from({ length: 10 }, (_, d) => `${firstEight}${d}`);
        if (check === undefined) {
          expect(candidates.filter(isValidOrganisationNumber)).toEqual([]);
        } else {
          expect(candidates.filter(isValidOrganisationNumber)).toEqual([`${firstEight}${check}`]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: changing any single digit of a valid number makes it invalid', () => {
    const validNumber = eightDigits
      .map((firstEight) => ({ firstEight, check: organisationNumberCheckDigit(firstEight) }))
      .filter((x): x is { firstEight: string; check: number } => x.check !== undefined)
      .map(({ firstEight, check }) => `${firstEight}${check}`);
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (value, position, shift) => {
        expect(isValidOrganisationNumber(value)).toBe(true);
        const changed = (Number(value[position]) + shift) % 10;
        const mutated = value.slice(0, position) + String(changed) + value.slice(position + 1);
        expect(mutated).not.toBe(value);
        expect(isValidOrganisationNumber(mutated)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
