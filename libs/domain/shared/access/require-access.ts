import type { DomainException } from '@platform/errors';

import type { Principal } from '../principal';
import { AccessDenied } from './access.exceptions';
import type { Permission } from './permission';
import { accessScope } from './permission-map';

/**
 * The port through which the context that owns a resource tells which objects a principal owns
 * (incidents for reports, consumers for consumer ids, identity for API tokens). The kernel never
 * reads a context's tables.
 */
export interface OwnershipCheck {
  /** Of `ids`, those that belong to `principal`. */
  owned(principal: Principal, ids: ReadonlySet<string>): Promise<ReadonlySet<string>>;
  /** What a principal hears of an object it does not own: the same as of one that does not exist. */
  notFound(): DomainException;
}

/**
 * Throws unless `principal` may do `permission` to every one of `ids`: it must hold the permission
 * (else AccessDenied), and where it holds it only for its own objects, own each of them (else the
 * resource's not-found error, so that nobody learns what exists). Whether the ids exist at all is
 * left to the caller.
 */
export async function requireAccess(
  access: OwnershipCheck,
  principal: Principal,
  permission: Permission,
  ids: Iterable<string>,
): Promise<void> {
  const scope = accessScope(principal, permission);
  if (!scope) throw new AccessDenied(principal, permission);
  if (scope === 'all') return;
  const wanted = new Set(ids);
  if (!wanted.size) return;
  const owned = await access.owned(principal, wanted);
  for (const id of wanted) if (!owned.has(id)) throw access.notFound();
}
