import { Forbidden } from '@platform/errors';

import type { Principal } from '../principal';
import type { Permission } from './permission';

/** The principal lacks the permission altogether (an object it may not see is NotFound instead). */
export class AccessDenied extends Forbidden {
  constructor(
    principal: Principal,
    readonly permission: Permission,
  ) {
    super(principal.kind === 'staff' ? `Your role (${principal.role}) does not allow this.` : 'A consumer credential cannot be used here.');
  }
}
