import { maskNationalIdentityNumbers } from '@domain/shared';
import type { FieldError } from '@platform/errors';

export const TICKET_LIMITS = { subject: 200, body: 20_000, requesterName: 200, requesterEmail: 254 } as const;

/** Names each empty or too long text before anything is stored (the same rules for API, portal, admin and e-mail). */
export function checkTicketText(fields: Partial<Record<'subject' | 'body', unknown>>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(fields) as Array<['subject' | 'body', unknown]>) {
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) errors.push({ field, message: 'must not be empty' });
    else if (text.length > TICKET_LIMITS[field]) errors.push({ field, message: `must be at most ${TICKET_LIMITS[field]} characters` });
  }
  return errors;
}

/** Identity numbers have no place in a ticket: masked before anything is stored or e-mailed. */
export const cleanTicketText = (value: string): string => maskNationalIdentityNumbers(value.trim()).text;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= TICKET_LIMITS.requesterEmail && EMAIL.test(value);
}
