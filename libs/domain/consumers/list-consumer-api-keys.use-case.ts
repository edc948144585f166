import { Injectable } from '@nestjs/common';
import { ConsumerNotFound } from './consumers.exceptions';
import { ConsumersRepository } from './consumers.repository';
import { toApiKeyView, type ApiKeyView } from './consumer.views';

@Injectable()
export class ListConsumerApiKeys {
  constructor(private readonly repo: ConsumersRepository) {}

  async execute(consumerId: string): Promise<ApiKeyView[]> {
    if (!(await this.repo.findConsumer(consumerId))) throw new ConsumerNotFound();
    return (await this.repo.listApiKeys(consumerId)).map(toApiKeyView);
  }
}
