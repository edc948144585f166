import { Injectable } from '@nestjs/common';

import { ConsumerRepository } from './consumer.repository';
import { type ApiKeyView, toApiKeyView } from './consumer.views';
import { ConsumerApiKeyRepository } from './consumer-api-key.repository';
import { ConsumerNotFound } from './consumers.exceptions';

@Injectable()
export class ListConsumerApiKeys {
  constructor(
    private readonly repo: ConsumerRepository,
    private readonly apiKeys: ConsumerApiKeyRepository,
  ) {}

  async execute(consumerId: string): Promise<ApiKeyView[]> {
    if (!(await this.repo.findConsumer(consumerId))) throw new ConsumerNotFound();
    return (await this.apiKeys.list(consumerId)).map(toApiKeyView);
  }
}
