export * from './deliver-outbox.use-case';
export * from './enqueue-email.use-case';
export * from './list-outbox-messages.use-case';
export * from './mail.module';
export * from './mail-template';
export { type MailDelivery, type NewOutboxMessage, type OutboxBacklog, outboxInsertSql } from './outbox.repository';
export * from './outbox-message.entity';
export * from './template-renderer';
