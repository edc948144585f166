export * from './attempt-limiter';
export * from './secret-token';
export * from './uniform-duration';
