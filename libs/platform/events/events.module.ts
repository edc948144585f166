import { Global, Module } from '@nestjs/common';

import { DomainEventRepository } from './domain-event.repository';
import { DomainEvents } from './domain-events';
import { ListDomainEvents } from './list-domain-events.use-case';

@Global()
@Module({
  providers: [DomainEventRepository, DomainEvents, ListDomainEvents],
  exports: [DomainEvents, ListDomainEvents],
})
export class EventsModule {}
