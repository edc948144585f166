import { SECURITY_CHECKLIST_ITEMS, type SecurityStepInput } from '@domain/incidents';

import { type FormBody, oneOf, text } from '../shared/form-body';
import { osloLocalInstant } from '../shared/oslo-time';

/** The checklist form: the item, and for the call whom and when (Norwegian wall-clock time). */
export function securityStepInput(body: FormBody): SecurityStepInput {
  const calledAt = text(body.calledAt);
  return {
    item: oneOf(body.item, SECURITY_CHECKLIST_ITEMS) ?? ('' as SecurityStepInput['item']),
    calledName: text(body.calledName),
    // What names no real time goes on as written, for the domain to refuse.
    calledAt: osloLocalInstant(calledAt)?.toISOString() ?? calledAt,
    text: text(body.text),
  };
}
