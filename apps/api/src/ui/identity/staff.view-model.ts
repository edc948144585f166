import { LEAST_PRIVILEGED_STAFF_ROLE, STAFF_ROLES } from '@domain/shared';

import { text } from '../shared/form-body';
import type { FormFailure } from '../shared/page-form';
import { ROLE_LABELS } from '../shared/shared.texts.nb';
import { NEW_STAFF_TEXTS } from './identity.texts.nb';

/** The form posted to `/staff`, as the failure names it. */
const NEW_STAFF_FORM = 'staff';

/**
 * The "Ny bruker" form: empty with the least privileged role, or after a refusal what was entered,
 * the role included, with each field's message beside the field and a summary that only points to them.
 */
export function newStaffForm(failure?: FormFailure) {
  const own = failure?.form === NEW_STAFF_FORM ? failure : undefined;
  const chosen = own ? text(own.body.role) : LEAST_PRIVILEGED_STAFF_ROLE;
  const fieldErrors = own?.fieldErrors ?? [];
  return {
    values: { email: text(own?.body.email), name: text(own?.body.name) },
    roles: STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], selected: r === chosen })),
    errors: Object.fromEntries(fieldErrors.map((f) => [f.name, f.message])),
    summary: fieldErrors.length
      ? { heading: NEW_STAFF_TEXTS.summary, fields: fieldErrors.map((f) => ({ name: f.name, label: f.label })) }
      : undefined,
  };
}

/** The message at the top of the page: none when the "Ny bruker" form shows its own beside the fields. */
export function pageError(failure?: FormFailure): string | undefined {
  return failure?.form === NEW_STAFF_FORM && failure.fieldErrors.length ? undefined : failure?.error;
}
