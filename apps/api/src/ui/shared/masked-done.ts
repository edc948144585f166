import { findNationalIdentityNumbers } from '@domain/shared';

/**
 * The confirmation to show after a form with free text was stored: its `-masked` variant also
 * says that what looked like an identity number was removed before storing, since the person
 * reads their text back changed.
 */
export function maskedDone(code: string, ...texts: Array<string | null | undefined>): string {
  return texts.some((text) => !!text && findNationalIdentityNumbers(text).length > 0) ? `${code}-masked` : code;
}
