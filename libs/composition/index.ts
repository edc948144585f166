export * from './database-schema';
export * from './demo/demo.module';
export * from './demo/load-demonstration.use-case';
export * from './events/events-admin.module';
export * from './events/retry-domain-event.use-case';
export * from './launch';
export * from './mail/mail-admin.module';
export * from './mail/retry-mail.use-case';
