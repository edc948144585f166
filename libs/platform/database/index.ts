export * from './data-source-options';
export * from './database.module';
export * from './database-availability';
export * from './database-context';
export * from './embedded-postgres';
export * from './paging';
export * from './run-migrations';
export * from './schema-drift';
