export * from './database-schema';
export * from './demo/demo.module';
export * from './demo/load-demonstration.use-case';
export * from './launch';
