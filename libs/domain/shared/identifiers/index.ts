export * from './national-identity-number';
export * from './organisation-number';
