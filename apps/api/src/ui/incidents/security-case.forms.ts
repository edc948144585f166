import { SECURITY_CHECKLIST_ITEMS, type SecurityStepInput } from '@domain/incidents';

import { type FormBody, oneOf, text } from '../shared/form-body';
import { fromOsloLocal } from '../shared/oslo-time';

const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The checklist form: the item, and for the call whom and when (Norwegian wall-clock time). */
export function securityStepInput(body: FormBody): SecurityStepInput {
  const calledAt = text(body.calledAt);
  return {
    item: oneOf(body.item, SECURITY_CHECKLIST_ITEMS) ?? ('' as SecurityStepInput['item']),
    calledName: text(body.calledName),
    calledAt: LOCAL_DATETIME.test(calledAt) ? fromOsloLocal(calledAt).toISOString() : calledAt,
    text: text(body.text),
  };
}
