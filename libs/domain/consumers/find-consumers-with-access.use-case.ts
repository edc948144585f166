import { Injectable } from '@nestjs/common';

import { ConsumerRepository } from './consumer.repository';
import { type ConsumerView, toConsumerView } from './consumer.views';

/** For other contexts: who is registered with access to which services, per environment. */
@Injectable()
export class FindConsumersWithAccess {
  constructor(private readonly repo: ConsumerRepository) {}

  /** Consumers (not terminated) with access to one of the services in one of the environments. */
  async execute(serviceCodes: string[], environments: string[]): Promise<ConsumerView[]> {
    const codes = [...new Set(serviceCodes)];
    const envs = [...new Set(environments)];
    if (!codes.length || !envs.length) return [];
    return (await this.repo.withAccess(codes, envs)).map(toConsumerView);
  }

  /** Of these consumers, which of these services each is registered for in the environment (consumer id → service codes). */
  async registeredFor(consumerIds: string[], serviceCodes: string[], environment: string): Promise<Map<string, Set<string>>> {
    const registered = new Map<string, Set<string>>();
    if (!consumerIds.length || !serviceCodes.length) return registered;
    for (const { consumerId, serviceCode } of await this.repo.registeredServices(
      [...new Set(consumerIds)],
      [...new Set(serviceCodes)],
      environment,
    )) {
      registered.set(consumerId, (registered.get(consumerId) ?? new Set()).add(serviceCode));
    }
    return registered;
  }
}
