// First, so that an unsupported Node.js is refused with a message before anything loads a native addon.
import './runtime/require-supported-runtime';

export * from './database-schema';
export * from './demo/demo.module';
export * from './demo/load-demonstration.use-case';
export * from './events/events-admin.module';
export * from './events/retry-domain-event.use-case';
export * from './launch';
export * from './mail/mail-admin.module';
export * from './mail/retry-mail.use-case';
export * from './security-views/readable-audit-log.use-case';
export * from './security-views/readable-inbound-mail.use-case';
export * from './security-views/readable-outbox.use-case';
export * from './security-views/security-views.module';
