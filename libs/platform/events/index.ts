export * from './domain-event.entity';
export * from './domain-events';
export * from './events.module';
export * from './list-domain-events.use-case';
