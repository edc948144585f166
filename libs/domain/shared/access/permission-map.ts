import { type Principal, STAFF_ROLES, type StaffRole } from '../principal';
import type { Permission } from './permission';

/**
 * How far a permission reaches: every object, or only the principal's own (a consumer's own
 * reports, a staff member's own API tokens). Ownership is checked by requireAccess.
 */
export type AccessScope = 'all' | 'own';

export type Grants = Readonly<Partial<Record<Permission, AccessScope>>>;

/** What every staff role may do: reading, and one's own API tokens (viewers' tokens still only read). */
const READ: Grants = {
  'profile.read': 'all',
  'staff-group.read': 'all',
  'api-token.manage': 'own',
  'catalogue.read': 'all',
  'dashboard.read': 'all',
  'consumer.search': 'all',
  'consumer.read': 'all',
  'consumer-api-key.read': 'all',
  'onboarding.read': 'all',
  'knowledge-article.read': 'all',
  'report.read': 'all',
  'incident.read': 'all',
  'change-request.read': 'all',
  'notice.read': 'all',
  'ticket.read': 'all',
};

/** What the roles that handle cases may change (every role but viewer). */
const WRITE: Grants = {
  'catalogue.edit': 'all',
  'catalogue.publish': 'all',
  'consumer.create': 'all',
  'consumer.update': 'all',
  'consumer-api-key.manage': 'all',
  'onboarding.manage': 'all',
  'report.create': 'all',
  'report.import': 'all',
  'incident.triage': 'all',
  'incident.escalate': 'all',
  'incident.resolve': 'all',
  'incident.regroup': 'all',
  'incident.message': 'all',
  'mail.read': 'all',
  'domain-event.read': 'all',
  'inbound-mail.read': 'all',
  'change-request.write': 'all',
  'change-request.forward': 'all',
  'ticket.open': 'all',
  'ticket.manage': 'all',
  'canned-response.manage': 'all',
  'knowledge-article.write': 'all',
};

/** The one map of who may do what: each staff role's permissions, and a consumer's. */
export const STAFF_PERMISSIONS: Readonly<Record<StaffRole, Grants>> = {
  admin: {
    ...READ,
    ...WRITE,
    'api-token.manage': 'all',
    'staff-user.manage': 'all',
    'staff-group.manage': 'all',
    'audit.read': 'all',
    'demo.load': 'all',
    'mail.read-credentials': 'all',
    'mail.retry': 'all',
    'domain-event.retry': 'all',
    'notice.write': 'all',
    'notice.send': 'all',
    // The server fetches a feed's address: only admins choose them.
    'notice-feed.manage': 'all',
    'security-case.read': 'all',
    'security-case.manage': 'all',
  },
  agent: { ...READ, ...WRITE, 'mail.retry': 'all', 'domain-event.retry': 'all', 'notice.write': 'all', 'notice.send': 'all' },
  /** The security officer handles cases too, and alone may read masked personal data. */
  security: {
    ...READ,
    ...WRITE,
    'audit.read': 'all',
    'report.reveal-personal-data': 'all',
    'security-case.read': 'all',
    'security-case.manage': 'all',
  },
  viewer: READ,
};

/** A consumer (API key or portal session) acts only for itself. */
export const CONSUMER_PERMISSIONS: Grants = {
  'profile.read': 'all',
  'knowledge-article.read': 'all',
  'consumer.read': 'own',
  'report.create': 'own',
  'report.read': 'own',
  'report.list-own': 'own',
  'report.reply': 'own',
  'portal.use': 'own',
  'change-request.read': 'own',
  'change-request.submit': 'own',
  'notice.acknowledge': 'own',
  'ticket.read': 'own',
  'ticket.open': 'own',
  'ticket.reply': 'own',
};

/** How far `permission` reaches for this principal, or null when it does not hold it. */
export function accessScope(principal: Principal, permission: Permission): AccessScope | null {
  const grants = principal.kind === 'staff' ? STAFF_PERMISSIONS[principal.role] : CONSUMER_PERMISSIONS;
  return grants?.[permission] ?? null;
}

export function hasPermission(principal: Principal, permission: Permission): boolean {
  return accessScope(principal, permission) !== null;
}

/** The staff role that may do the least: a new staff member is offered it first, so more access is a deliberate choice. */
export const LEAST_PRIVILEGED_STAFF_ROLE: StaffRole = STAFF_ROLES.reduce((least, role) =>
  Object.keys(STAFF_PERMISSIONS[role]).length < Object.keys(STAFF_PERMISSIONS[least]).length ? role : least,
);

/** The staff roles that hold `permission` (in any scope), in STAFF_ROLES order. */
export function staffRolesWith(permission: Permission): StaffRole[] {
  return STAFF_ROLES.filter((role) => STAFF_PERMISSIONS[role][permission] !== undefined);
}
