import type { Environment } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { ConsumerRepository } from './consumer.repository';
import type { ContactRole } from './consumer-contact.entity';

/** A consumer with access to at least one of the asked services, with what a notice's audience rule needs. */
export interface ServiceAudienceCandidate {
  consumerId: string;
  orgNumber: string;
  name: string;
  services: Array<{ code: string; environments: Environment[]; serviceArea: string | null; entitlementPackage: string | null }>;
  contacts: Array<{ name: string; email: string; role: ContactRole }>;
}

/**
 * For other contexts (notices): consumers (not terminated) with access to one of the services in
 * one of the environments, their access to those services and their contacts. Three queries,
 * however many consumers match.
 */
@Injectable()
export class FindServiceAudience {
  constructor(private readonly repo: ConsumerRepository) {}

  async execute(serviceCodes: string[], environments: string[]): Promise<ServiceAudienceCandidate[]> {
    const codes = [...new Set(serviceCodes)];
    const envs = [...new Set(environments)];
    if (!codes.length || !envs.length) return [];
    const consumers = await this.repo.withAccess(codes, envs);
    const ids = consumers.map((c) => c.id);
    const byId = new Map<string, ServiceAudienceCandidate>(
      consumers.map((c) => [c.id, { consumerId: c.id, orgNumber: c.orgNumber, name: c.name, services: [], contacts: [] }]),
    );
    for (const s of await this.repo.listServices(ids))
      if (codes.includes(s.serviceCode))
        byId.get(s.consumerId)?.services.push({
          code: s.serviceCode,
          environments: s.environments,
          serviceArea: s.serviceArea,
          entitlementPackage: s.entitlementPackage,
        });
    for (const c of await this.repo.listContacts(ids))
      byId.get(c.consumerId)?.contacts.push({ name: c.name, email: c.email, role: c.role });
    return [...byId.values()];
  }
}
