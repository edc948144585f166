import * as identifiers from './index';

describe('identifiers index', () => {
  it('re-exports the rules', () => {
    expect(identifiers.isValidOrganisationNumber('974760673')).toBe(true);
    expect(identifiers.isValidNationalIdentityNumber('01019000083')).toBe(true);
    expect(identifiers.findNationalIdentityNumbers('x 01019000083 y')).toHaveLength(1);
    expect(identifiers.maskNationalIdentityNumbers('01019000083').found).toEqual(['01019000083']);
  });
});
