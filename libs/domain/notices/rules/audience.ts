/** What a notice asks for: any non-empty list narrows the audience, an empty one leaves it open. */
export interface AudienceCriteria {
  services: string[];
  environments: string[];
  entitlementPackages: string[];
  serviceAreas: string[];
  /** Contact roles to write to; empty means every role. */
  roles: string[];
}

/** A consumer as the registry describes it, restricted to the services asked about. */
export interface AudienceCandidate {
  consumerId: string;
  orgNumber: string;
  name: string;
  services: Array<{ code: string; environments: string[]; serviceArea: string | null; entitlementPackage: string | null }>;
  contacts: Array<{ name: string; email: string; role: string }>;
}

export interface AudienceRecipient {
  consumerId: string;
  consumerName: string;
  orgNumber: string;
  name: string;
  /** Lower-cased: one e-mail per address. */
  email: string;
  role: string;
  /** The affected services this consumer has access to, sorted. */
  services: string[];
}

/** The services of a candidate that the notice is about, given every narrowing criterion. */
export function matchingServices(criteria: AudienceCriteria, candidate: AudienceCandidate): string[] {
  const codes = new Set<string>();
  for (const s of candidate.services) {
    if (!criteria.services.includes(s.code)) continue;
    if (!s.environments.some((e) => criteria.environments.includes(e))) continue;
    if (criteria.entitlementPackages.length && !(s.entitlementPackage && criteria.entitlementPackages.includes(s.entitlementPackage)))
      continue;
    if (criteria.serviceAreas.length && !(s.serviceArea && criteria.serviceAreas.includes(s.serviceArea))) continue;
    codes.add(s.code);
  }
  return [...codes].sort();
}

/**
 * Who receives a notice: the contacts (with a chosen role) of every consumer with access to an
 * affected service in an affected environment (and package/area where given). One entry per
 * address, however many of the consumer's services match or consumers share it; the first
 * consumer by name keeps it. Sorted by consumer name, then address.
 */
export function computeAudience(criteria: AudienceCriteria, candidates: AudienceCandidate[]): AudienceRecipient[] {
  const seen = new Set<string>();
  const out: AudienceRecipient[] = [];
  const sorted = [...candidates].sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.orgNumber.localeCompare(b.orgNumber));
  for (const c of sorted) {
    const services = matchingServices(criteria, c);
    if (!services.length) continue;
    const contacts = [...c.contacts].sort((a, b) => a.email.localeCompare(b.email));
    for (const p of contacts) {
      if (criteria.roles.length && !criteria.roles.includes(p.role)) continue;
      const email = p.email.trim().toLowerCase();
      if (!email || seen.has(email)) continue;
      seen.add(email);
      out.push({ consumerId: c.consumerId, consumerName: c.name, orgNumber: c.orgNumber, name: p.name, email, role: p.role, services });
    }
  }
  return out;
}
