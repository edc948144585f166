export * from './inbound-attachment.entity';
export * from './inbound-mail.exceptions';
export * from './inbound-mail.module';
export * from './inbound-message.entity';
export * from './list-inbound-mail.use-case';
export * from './receive-inbound-mail.use-case';
export * from './rules/automatic-mail';
