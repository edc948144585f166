export * from './access';
export * from './calendar';
export * from './environment';
export * from './identifiers';
export * from './inbound-mail';
export * from './principal';
export * from './reference';
export * from './reference-sequence';
