import { Injectable } from '@nestjs/common';

import { ConsumerRepository } from './consumer.repository';
import { type ConsumerView, toConsumerView } from './consumer.views';

/** For other contexts: consumers (not terminated) with access to one of the services in one of the environments. */
@Injectable()
export class FindConsumersWithAccess {
  constructor(private readonly repo: ConsumerRepository) {}

  async execute(serviceCodes: string[], environments: string[]): Promise<ConsumerView[]> {
    const codes = [...new Set(serviceCodes)];
    const envs = [...new Set(environments)];
    if (!codes.length || !envs.length) return [];
    return (await this.repo.withAccess(codes, envs)).map(toConsumerView);
  }
}
