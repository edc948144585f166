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

/**
 * Staff judged an ordinary incident a security matter (moved it to the security side): its
 * thread to Skatteetaten belongs in the security channel, though its reports' categories are
 * ordinary. An incident on the security track because a report's words looked like a security
 * matter is not one by this test: it goes by its reports' categories, as the contract says.
 */
export function judgedSecurityMatter(i: RestrictionFacts): boolean {
  return i.track === 'ordinary' && i.side === 'security';
}

/**
 * Whether automatic messages may go on in an incident's thread to Skatteetaten: not in an
 * ordinary thread once staff judged the incident a security matter (it went out before they
 * did), or the ordinary channel would read the security case's new reports. Staff still write.
 */
export function automaticUpdatesAllowed(i: RestrictionFacts, thread: { security: boolean }): boolean {
  return thread.security || !judgedSecurityMatter(i);
}

/** The same test as `automaticUpdatesAllowed`, in SQL over an incident row `i` and its escalation `e`. */
export const automaticUpdatesAllowedSql = (i: string, e: string): string =>
  `(${e}.security OR NOT (${i}.track = 'ordinary' AND ${i}.side = 'security'))`;

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
