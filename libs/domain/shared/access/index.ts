export * from './access.exceptions';
export * from './permission';
export * from './permission-map';
export * from './require-access';
