import { hasPermission, type Principal } from '@domain/shared';

/** What decides whether an incident is a security case. */
export interface RestrictionFacts {
  track: string;
  side: string;
}

/** A report is a security case's own content when it says so itself, wherever it was moved. */
export const SECURITY_CATEGORIES: readonly string[] = ['security', 'privacy'];

/**
 * An incident is a security case when a security or privacy report opened it (the security
 * track) or staff put it on the security side.
 */
export function isRestricted(i: RestrictionFacts): boolean {
  return i.track === 'security' || i.side === 'security';
}

/** The same test in SQL over an incident row named `alias`, for queries that leave security cases out. */
export const restrictedSql = (alias: string): string => `(${alias}.track = 'security' OR ${alias}.side = 'security')`;

/** The security role and administrators read every security case; no one else reads any. */
export function readsSecurityCases(caller: Principal): boolean {
  return caller.kind === 'staff' && hasPermission(caller, 'security-case.read');
}

/**
 * The one rule for every view of an incident, its reports, mail, proposals and audit trail: may
 * this principal see what the incident holds, or only that it exists? Consumers are scoped to
 * their own reports elsewhere and read those whatever their track; a caller of `undefined` is the
 * system itself.
 */
export function mayReadIncidentContent(caller: Principal | undefined, i: RestrictionFacts): boolean {
  if (!caller || caller.kind !== 'staff' || !isRestricted(i)) return true;
  return readsSecurityCases(caller);
}

/** A security or privacy report is a security case's content wherever staff moved it. */
export function mayReadReportContent(caller: Principal | undefined, report: { category: string }, incident: RestrictionFacts): boolean {
  return mayReadIncidentContent(caller, SECURITY_CATEGORIES.includes(report.category) ? { ...incident, track: 'security' } : incident);
}
