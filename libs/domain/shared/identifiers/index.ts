export * from './organisation-number';
export * from './national-identity-number';
