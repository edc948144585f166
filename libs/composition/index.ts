export * from './database-schema';
export * from './demo/demo.module';
export * from './demo/load-demonstration.use-case';
export * from './launch';
export * from './mail/mail-admin.module';
export * from './mail/retry-mail.use-case';
