export * from './attempt-counter';
export * from './attempt-window.entity';
export * from './rate-limit.module';
export * from './shared-attempt-limiter';
