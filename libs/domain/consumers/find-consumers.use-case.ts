import { Injectable } from '@nestjs/common';

import { ConsumerRepository } from './consumer.repository';
import { type ConsumerView, toConsumerView } from './consumer.views';
import { normaliseOrgNumber } from './consumer-rules';

/** For other contexts: consumers by id or organisation number. */
@Injectable()
export class FindConsumers {
  constructor(private readonly repo: ConsumerRepository) {}

  async byId(id: string): Promise<ConsumerView | null> {
    const c = await this.repo.findConsumer(id);
    return c ? toConsumerView(c) : null;
  }

  async byIds(ids: string[]): Promise<ConsumerView[]> {
    return (await this.repo.findConsumers([...new Set(ids)])).map(toConsumerView);
  }

  /** Consumers with a word of their name starting with this text ("Alta" finds Alta kommune, not Saltdal). */
  idsByName(text: string): Promise<string[]> {
    return this.repo.idsByName(text);
  }

  /** Every registered organisation number (the registry holds a few hundred at most). */
  orgNumbers(): Promise<string[]> {
    return this.repo.orgNumbers();
  }

  async byOrgNumber(org: string): Promise<ConsumerView | null> {
    const c = await this.repo.findConsumerByOrg(normaliseOrgNumber(org));
    return c ? toConsumerView(c) : null;
  }
}
