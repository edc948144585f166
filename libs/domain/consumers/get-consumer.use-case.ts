import { type Principal, requireAccess } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { ConsumerRepository } from './consumer.repository';
import { type ConsumerDetail, toDetail } from './consumer.views';
import { ConsumerOwnership } from './consumer-ownership';
import { ConsumerNotFound } from './consumers.exceptions';
import { ServiceCatalogue } from './service-catalogue';

/** A consumer with its contacts, services (with onboarding) and agreement. */
@Injectable()
export class GetConsumer {
  constructor(
    private readonly repo: ConsumerRepository,
    private readonly consumerAccess: ConsumerOwnership,
    private readonly catalogue: ServiceCatalogue,
  ) {}

  /** Staff see every consumer; a consumer only itself (another's is "not found", not "forbidden"). */
  async execute(id: string, caller: Principal): Promise<ConsumerDetail> {
    await requireAccess(this.consumerAccess, caller, 'consumer.read', [id]);
    const detail = await this.detail(id);
    if (!detail) throw new ConsumerNotFound();
    return detail;
  }

  async detail(id: string): Promise<ConsumerDetail | null> {
    const consumer = await this.repo.findConsumer(id);
    if (!consumer) return null;
    // One after the other: inside a transaction they share one connection.
    const contacts = await this.repo.listContacts([id]);
    const services = await this.repo.listServices([id]);
    const agreement = await this.repo.findAgreement(id);
    const resources = await this.catalogue.altinnResources(services.map((s) => s.serviceCode));
    return toDetail(consumer, contacts, services, agreement, resources);
  }
}
