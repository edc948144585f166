export * from './access';
export * from './calendar';
export * from './environment';
export * from './identifiers';
export * from './principal';
export * from './reference';
export * from './reference-sequence';
export * from './search-result';
