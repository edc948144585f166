import { Global, Module } from '@nestjs/common';

import { DomainEventRepository } from './domain-event.repository';
import { DomainEvents } from './domain-events';

@Global()
@Module({
  providers: [DomainEventRepository, DomainEvents],
  exports: [DomainEvents],
})
export class EventsModule {}
