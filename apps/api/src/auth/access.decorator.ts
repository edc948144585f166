import type { StaffRole } from '@domain/shared';
import { SetMetadata } from '@nestjs/common';

export interface AccessRule {
  public?: boolean;
  /** Staff roles allowed; 'any' = every staff role. Undefined = staff not allowed. */
  staff?: readonly StaffRole[] | 'any';
  consumer?: boolean;
  /** HTML page: an anonymous visitor is sent to the login page instead of getting 401. */
  page?: 'staff' | 'portal';
}

export const ACCESS = 'segment-desk:access';

/** Anyone, no credential needed. */
export const Public = () => SetMetadata(ACCESS, { public: true } satisfies AccessRule);
/** Staff only; with roles, only those. */
export const Staff = (...roles: StaffRole[]) => SetMetadata(ACCESS, { staff: roles.length ? roles : 'any' } satisfies AccessRule);
/** Staff roles that may change things (viewers read only). */
export const StaffWriter = () => SetMetadata(ACCESS, { staff: ['admin', 'agent', 'security'] } satisfies AccessRule);
export const Admin = () => SetMetadata(ACCESS, { staff: ['admin'] } satisfies AccessRule);
/** A consumer credential (API key or portal session); staff are refused. */
export const ConsumerOnly = () => SetMetadata(ACCESS, { consumer: true } satisfies AccessRule);
/** A consumer for its own data, or staff with the given roles (default: any). */
export const ConsumerOrStaff = (...roles: StaffRole[]) =>
  SetMetadata(ACCESS, { consumer: true, staff: roles.length ? roles : 'any' } satisfies AccessRule);
/** Admin UI page for staff with the given roles (default: any). */
export const StaffPage = (...roles: StaffRole[]) =>
  SetMetadata(ACCESS, { staff: roles.length ? roles : 'any', page: 'staff' } satisfies AccessRule);
/** Consumer portal page. */
export const PortalPage = () => SetMetadata(ACCESS, { consumer: true, page: 'portal' } satisfies AccessRule);
