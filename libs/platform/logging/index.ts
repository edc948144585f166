export * from './logger.module';
export * from './request-logging';
