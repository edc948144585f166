import { NotFound } from '@platform/errors';

import type { ConsumerPrincipal, Principal, StaffPrincipal, StaffRole } from '../principal';
import { AccessDenied } from './access.exceptions';
import type { Permission } from './permission';
import { type OwnershipCheck, requireAccess } from './require-access';

const staff = (role: StaffRole, id = `s-${role}`): StaffPrincipal => ({
  kind: 'staff',
  id,
  email: `${id}@ks.no`,
  name: id,
  role,
  via: 'token',
});
const consumer = (consumerId: string): ConsumerPrincipal => ({
  kind: 'consumer',
  consumerId,
  orgNumber: '974760673',
  name: consumerId,
  via: 'api-key',
});

class ThingNotFound extends NotFound {
  constructor() {
    super('The thing', 'thing_not_found');
  }
}

/** Objects and their owners (a consumer id or a staff id), as a context would store them. */
function ownership(owners: Record<string, string>): OwnershipCheck & { asked: number } {
  return {
    asked: 0,
    async owned(principal: Principal, ids: ReadonlySet<string>) {
      this.asked++;
      const me = principal.kind === 'consumer' ? principal.consumerId : principal.id;
      return new Set([...ids].filter((id) => owners[id] === me));
    },
    notFound: () => new ThingNotFound(),
  };
}

const OWNERS = { r1: 'c-1', r2: 'c-1', r3: 'c-2', t1: 's-agent', t2: 's-other' };

describe('requireAccess', () => {
  it.each<[string, Principal, Permission, string[], 'ok' | 'denied' | 'not-found', number]>([
    ['staff holding a permission for all objects pass without an ownership look-up', staff('viewer'), 'report.read', ['r1', 'r3'], 'ok', 0],
    ['staff without the permission are denied', staff('viewer'), 'incident.resolve', ['x'], 'denied', 0],
    ['a consumer without the permission is denied', consumer('c-1'), 'incident.read', ['x'], 'denied', 0],
    ['a consumer passes for objects it owns', consumer('c-1'), 'report.read', ['r1', 'r2'], 'ok', 1],
    ['a consumer asking for another’s object hears it does not exist', consumer('c-1'), 'report.read', ['r1', 'r3'], 'not-found', 1],
    ['an object that does not exist is not owned either', consumer('c-1'), 'report.read', ['nope'], 'not-found', 1],
    ['with no ids there is nothing to own', consumer('c-1'), 'report.read', [], 'ok', 0],
    ['staff with own scope pass for their own objects', staff('agent'), 'api-token.manage', ['t1'], 'ok', 1],
    ['staff with own scope do not see others’ objects', staff('agent'), 'api-token.manage', ['t2'], 'not-found', 1],
    ['an admin reaches every API token', staff('admin'), 'api-token.manage', ['t1', 't2'], 'ok', 0],
  ])('%s', async (_case, principal, permission, ids, outcome, lookUps) => {
    const access = ownership(OWNERS);
    const result = requireAccess(access, principal, permission, ids);
    if (outcome === 'ok') await expect(result).resolves.toBeUndefined();
    if (outcome === 'denied') await expect(result).rejects.toBeInstanceOf(AccessDenied);
    if (outcome === 'not-found') await expect(result).rejects.toBeInstanceOf(ThingNotFound);
    expect(access.asked).toBe(lookUps);
  });

  it('tells staff which role lacks the permission, with the stable code forbidden', async () => {
    await expect(requireAccess(ownership({}), staff('viewer'), 'incident.resolve', ['x'])).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Your role (viewer) does not allow this.',
      permission: 'incident.resolve',
    });
  });
});
