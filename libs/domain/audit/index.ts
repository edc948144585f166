export * from './audit.module';
export * from './audit-entry.entity';
export * from './list-audit-entries.use-case';
export * from './record-audit.use-case';
