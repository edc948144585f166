export * from './database-schema';
export * from './launch';
