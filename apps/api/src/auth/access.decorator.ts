import type { Permission } from '@domain/shared';
import { SetMetadata } from '@nestjs/common';

/** Who may use a route: nobody has to sign in, or the caller must hold a permission of the one permission map. */
export interface AccessRule {
  public?: boolean;
  /** The permission needed; staff and consumers get it as the map grants it. Absent: any signed-in staff member. */
  permission?: Permission;
  /** HTML page: an anonymous visitor is sent to the login page instead of getting 401. */
  page?: 'staff' | 'portal';
}

export const ACCESS = 'segment-desk:access';

/** Anyone, no credential needed. */
export const Public = () => SetMetadata(ACCESS, { public: true } satisfies AccessRule);
/** A JSON route for whoever holds the permission: staff roles, consumers, or both, as the map says. */
export const Allow = (permission: Permission) => SetMetadata(ACCESS, { permission } satisfies AccessRule);
/** An admin UI page for staff holding the permission; without one, for any signed-in staff member (signing out). */
export const StaffPage = (permission?: Permission) => SetMetadata(ACCESS, { permission, page: 'staff' } satisfies AccessRule);
/** A consumer portal page. */
export const PortalPage = () => SetMetadata(ACCESS, { permission: 'portal.use', page: 'portal' } satisfies AccessRule);
