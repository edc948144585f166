export * from './secret-token';
export * from './uniform-duration';
