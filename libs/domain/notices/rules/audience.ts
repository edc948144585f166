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
 * consumer and address, however many of the consumer's services match: a contact shared by
 * several consumers (a vendor, an inter-municipal IT office) answers for each of them. Sorted by
 * consumer name, then address.
 */
export function computeAudience(criteria: AudienceCriteria, candidates: AudienceCandidate[]): AudienceRecipient[] {
  const out: AudienceRecipient[] = [];
  const sorted = [...candidates].sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.orgNumber.localeCompare(b.orgNumber));
  for (const c of sorted) {
    const services = matchingServices(criteria, c);
    if (!services.length) continue;
    const seen = new Set<string>();
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

/** One e-mail of a notice: an address and every consumer it is a contact for. */
export interface AudienceMailing {
  email: string;
  /** The first name given for the address. */
  name: string;
  /** The address's roles among its consumers, sorted; a role's own text fits only when there is one. */
  roles: string[];
  /** In audience order, each with the affected services it has access to. */
  consumers: AudienceRecipient[];
  /** Every affected service of any of them, sorted. */
  services: string[];
}

/** Groups an audience into one mailing per address, in the order the addresses first appear. */
export function mailingsOf(audience: AudienceRecipient[]): AudienceMailing[] {
  const byEmail = new Map<string, AudienceRecipient[]>();
  for (const r of audience) byEmail.set(r.email, [...(byEmail.get(r.email) ?? []), r]);
  return [...byEmail].map(([email, consumers]) => ({
    email,
    name: consumers.find((c) => c.name)?.name ?? '',
    roles: [...new Set(consumers.map((c) => c.role))].sort(),
    consumers,
    services: [...new Set(consumers.flatMap((c) => c.services))].sort(),
  }));
}
