import type { Principal, StaffRole } from '@domain/shared';

/** Staff roles that may change things; viewers read only. */
export const WRITER_ROLES: readonly StaffRole[] = ['admin', 'agent', 'security'];

const staffIn = (p: Principal | undefined, roles: readonly StaffRole[]) => p?.kind === 'staff' && roles.includes(p.role);

/** What the signed-in person may do, for showing or hiding the controls of a page. */
export function abilitiesOf(p: Principal | undefined) {
  return {
    canWrite: staffIn(p, WRITER_ROLES),
    isAdmin: staffIn(p, ['admin']),
    canRevealPersonalData: staffIn(p, ['security']),
    canReadAudit: staffIn(p, ['admin', 'security']),
    canReadMail: staffIn(p, WRITER_ROLES),
    canRetryMail: staffIn(p, ['admin', 'agent']),
  };
}
