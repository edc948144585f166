/**
 * Norwegian organisasjonsnummer (Enhetsregisteret): 9 digits, the last one a mod-11 check digit.
 */

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * Check digit for the first 8 digits, or `undefined` when the remainder gives 10:
 * such numbers are never issued, so they cannot be valid.
 */
export function organisationNumberCheckDigit(firstEightDigits: string): number | undefined {
  if (!/^[0-9]{8}$/.test(firstEightDigits)) {
    return undefined;
  }
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    sum += WEIGHTS[i] * Number(firstEightDigits[i]);
  }
  const check = 11 - (sum % 11);
  if (check === 11) {
    return 0;
  }
  return check === 10 ? undefined : check;
}

export function isValidOrganisationNumber(value: string): boolean {
  if (!/^[0-9]{9}$/.test(value)) {
    return false;
  }
  const check = organisationNumberCheckDigit(value.slice(0, 8));
  return check !== undefined && check === Number(value[8]);
}
