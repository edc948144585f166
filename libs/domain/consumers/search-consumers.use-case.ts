import type { Environment } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { ConsumerRepository, type ConsumerSearch } from './consumer.repository';
import { type ConsumerView, toConsumerView } from './consumer.views';
import type { OnboardingStep } from './consumer-service.entity';

export interface ConsumerListItem extends ConsumerView {
  services: Array<{ code: string; environments: Environment[]; step: OnboardingStep; vendorName: string | null }>;
  technicalContacts: number;
  agreementValidTo: string | null;
}

export type { ConsumerSort } from './consumer.repository';

/** The staff list: search on name, organisation or municipality number, or a contact's name or e-mail, with filters. */
@Injectable()
export class SearchConsumers {
  constructor(private readonly repo: ConsumerRepository) {}

  async execute(filter: ConsumerSearch): Promise<{ items: ConsumerListItem[]; total: number }> {
    const { items, total } = await this.repo.search(filter);
    const ids = items.map((c) => c.id);
    const services = await this.repo.listServices(ids);
    const contacts = await this.repo.listContacts(ids);
    const agreements = await this.repo.listAgreements(ids);
    return {
      total,
      items: items.map((c) => ({
        ...toConsumerView(c),
        services: services
          .filter((s) => s.consumerId === c.id)
          .map((s) => ({ code: s.serviceCode, environments: s.environments, step: s.onboardingStep, vendorName: s.vendorName })),
        technicalContacts: contacts.filter((x) => x.consumerId === c.id && x.role === 'technical').length,
        agreementValidTo: agreements.find((a) => a.consumerId === c.id)?.validTo ?? null,
      })),
    };
  }
}
