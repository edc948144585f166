import { CONSUMER_PERMISSIONS, type Permission } from '@domain/shared';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

/** The OpenAPI security scheme of a Maskinporten access token (declared in http/openapi.ts). */
export const MASKINPORTEN_SCHEME = 'maskinporten';

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
export const Allow = (permission: Permission) =>
  permission in CONSUMER_PERMISSIONS
    ? // A consumer's route also takes a Maskinporten token; the document adds it to the controller's API key.
      applyDecorators(SetMetadata(ACCESS, { permission } satisfies AccessRule), ApiSecurity(MASKINPORTEN_SCHEME))
    : SetMetadata(ACCESS, { permission } satisfies AccessRule);
/** An admin UI page for staff holding the permission; without one, for any signed-in staff member (signing out). */
export const StaffPage = (permission?: Permission) => SetMetadata(ACCESS, { permission, page: 'staff' } satisfies AccessRule);
/** A portal page open to anyone; a signed-in portal user still gets the portal menu and "Logg ut". */
export const PublicPortalPage = () => SetMetadata(ACCESS, { public: true, page: 'portal' } satisfies AccessRule);
/** A consumer portal page. */
export const PortalPage = () => SetMetadata(ACCESS, { permission: 'portal.use', page: 'portal' } satisfies AccessRule);
