import { agreementFromForm, checklistFromForm, consumerFilter, registrationFromForm, serviceAccessFromForm } from './consumers.forms';

describe('consumer forms', () => {
  it('reads a registration with one contact and the chosen services in the chosen environments', () => {
    expect(
      registrationFromForm({
        orgNumber: ' 974760673 ',
        name: 'Oslo kommune',
        kind: '',
        municipalityNumber: '0301',
        contactEmail: 'it@oslo.kommune.no',
        contactName: '',
        services: ['SSG', 'INNTEKT'],
        environments: 'test',
        legalBasis: 'Skatteforvaltningsloven § 9-3',
      }),
    ).toEqual({
      orgNumber: '974760673',
      name: 'Oslo kommune',
      kind: undefined,
      municipalityNumber: '0301',
      status: undefined,
      contacts: [{ name: 'it@oslo.kommune.no', email: 'it@oslo.kommune.no', phone: null, role: 'technical' }],
      services: [
        { code: 'SSG', environments: ['test'], legalBasis: 'Skatteforvaltningsloven § 9-3', purpose: null },
        { code: 'INNTEKT', environments: ['test'], legalBasis: 'Skatteforvaltningsloven § 9-3', purpose: null },
      ],
    });
  });

  it('registers no contact when no e-mail is given', () => {
    expect(registrationFromForm({ orgNumber: '1', name: 'x', contactName: 'Kari' }).contacts).toEqual([]);
  });

  it.each([
    [{ vendorOrgNumber: '', vendorName: '' }, null],
    [
      { vendorOrgNumber: '916 700 709', vendorName: '' },
      { orgNumber: '916 700 709', name: '' },
    ],
  ])('service access vendor %p', (body, vendor) => {
    expect(serviceAccessFromForm({ ...body, environments: ['production'], dataProcessingAgreementConfirmed: 'true' })).toMatchObject({
      vendor,
      environments: ['production'],
      dataProcessingAgreementConfirmed: true,
      connectionMethod: null,
    });
  });

  it.each<[string, string, Date | string | null]>([
    ['a day from the date field, as the start of that day in Norway', '2026-03-01', new Date('2026-02-28T23:00:00Z')],
    ['nothing', '', null],
    ['anything else as it was written, for the rules to refuse', '1. mars', '1. mars'],
  ])('reads the Altinn delegation date: %s', (_label, given, read) => {
    expect(serviceAccessFromForm({ altinnDelegationConfirmedAt: given }).altinnDelegationConfirmedAt).toEqual(read);
  });

  it('pairs the terms with their services and leaves out services with no version accepted', () => {
    const input = agreementFromForm({
      signedOn: '2026-01-01',
      signatoryName: 'Rådmann',
      validFrom: '2026-01-01',
      termsService: ['SSG', 'INNTEKT', 'FREG'],
      termsSharing: ['1.0', '', ' '],
      termsUsage: ['', '2.1', ''],
    });
    expect(input.acceptedTerms).toEqual([
      { serviceCode: 'SSG', sharingTermsVersion: '1.0', usageTermsVersion: null },
      { serviceCode: 'INNTEKT', sharingTermsVersion: null, usageTermsVersion: '2.1' },
    ]);
    expect(input.validTo).toBeNull();
  });

  it('reads the checklist items shown, unticked ones as false, unknown ones ignored', () => {
    expect(checklistFromForm({ items: ['scopeName', 'bogus', 'altinnDelegation'], scopeName: 'true' })).toEqual({
      scopeName: true,
      altinnDelegation: false,
    });
  });

  it('filters the list by known values only', () => {
    expect(consumerFilter({ q: ' Oslo ', status: 'active', step: 'nope' })).toEqual({
      q: 'Oslo',
      status: 'active',
      service: undefined,
      step: undefined,
      vendor: undefined,
    });
  });
});
