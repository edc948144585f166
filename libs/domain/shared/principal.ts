export const STAFF_ROLES = ['admin', 'agent', 'security', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffPrincipal {
  kind: 'staff';
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** How the caller proved who they are; CSRF applies only to 'session'. */
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
}

export interface ConsumerPrincipal {
  kind: 'consumer';
  consumerId: string;
  orgNumber: string;
  name: string;
  via: 'api-key' | 'portal-session' | 'maskinporten';
  /** A vendor acting for the consumer through Altinn delegation (a Maskinporten token with a supplier). */
  supplier?: { orgNumber: string; name: string | null };
  /** The portal user's e-mail when signed in through the portal. */
  email?: string;
  sessionId?: string;
  csrfToken?: string;
}

export type Principal = StaffPrincipal | ConsumerPrincipal;

/** Who did something, as the audit log records it. */
export interface Actor {
  kind: 'staff' | 'consumer' | 'system';
  id: string | null;
  label: string;
  ip?: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, label: 'system' };

export function actorOf(principal: Principal, ip?: string | null): Actor {
  return principal.kind === 'staff'
    ? { kind: 'staff', id: principal.id, label: principal.email, ip }
    : { kind: 'consumer', id: principal.consumerId, label: consumerLabel(principal), ip };
}

/**
 * How a consumer's own words are signed (a conversation's message, a timeline entry): its user or
 * its name, and the vendor that sent them for it.
 */
export function consumerAuthorLabel(principal: ConsumerPrincipal): string {
  const own = principal.email ?? principal.name;
  return principal.supplier ? `${own} via ${principal.supplier.name ?? principal.supplier.orgNumber}` : own;
}

/** A vendor acting for a municipality is named beside it, so the audit log shows who sent what. */
function consumerLabel(principal: ConsumerPrincipal): string {
  const own = principal.email ?? principal.orgNumber;
  return principal.supplier ? `${own} via ${principal.supplier.orgNumber}` : own;
}
