import { addresses, lines, serviceFromForm, versionFromForm } from './catalogue.forms';

describe('catalogue forms', () => {
  it.each([
    ['a\r\n b \n\n', ['a', 'b']],
    [
      ['x', 'y\nz'],
      ['x', 'y', 'z'],
    ],
    [undefined, []],
  ])('lines of %p', (v, expected) => expect(lines(v)).toEqual(expected));

  it('reads e-mail addresses by line, comma, semicolon or space', () => {
    expect(addresses('a@ske.no, b@ske.no\nc@ske.no; d@ske.no e@ske.no')).toEqual([
      'a@ske.no',
      'b@ske.no',
      'c@ske.no',
      'd@ske.no',
      'e@ske.no',
    ]);
  });

  it('reads a service with packages as "code: purpose", areas ticked and typed, and empty optional fields as null', () => {
    const input = serviceFromForm({
      code: ' ssg ',
      name: 'Summert skattegrunnlag',
      description: '',
      entitlementPackages: 'kommuneforeldrebetaling: Redusert foreldrebetaling\nbarevkode',
      serviceAreas: ['Boligsosialt arbeid'],
      otherServiceAreas: 'Eget område',
      environments: 'production',
      escalationEmails: 'drift@ske.no',
    });
    expect(input).toMatchObject({
      code: 'ssg',
      description: null,
      entitlementPackages: [
        { code: 'kommuneforeldrebetaling', purpose: 'Redusert foreldrebetaling' },
        { code: 'barevkode', purpose: '' },
      ],
      serviceAreas: ['Boligsosialt arbeid', 'Eget område'],
      environments: ['production'],
      lifecycle: 'active',
      sunsetDate: null,
      escalationEmails: ['drift@ske.no'],
      securityEmails: [],
    });
  });

  it("reads a version's details", () => {
    expect(versionFromForm({ label: '2027', effectiveFrom: '2027-01-01', notes: ' ' })).toEqual({
      label: '2027',
      effectiveFrom: '2027-01-01',
      notes: null,
    });
  });
});
