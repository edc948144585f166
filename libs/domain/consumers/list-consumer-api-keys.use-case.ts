import { Injectable } from '@nestjs/common';

import { type ApiKeyView, toApiKeyView } from './consumer.views';
import { ConsumerNotFound } from './consumers.exceptions';
import { ConsumersRepository } from './consumers.repository';

@Injectable()
export class ListConsumerApiKeys {
  constructor(private readonly repo: ConsumersRepository) {}

  async execute(consumerId: string): Promise<ApiKeyView[]> {
    if (!(await this.repo.findConsumer(consumerId))) throw new ConsumerNotFound();
    return (await this.repo.listApiKeys(consumerId)).map(toApiKeyView);
  }
}
