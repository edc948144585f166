import { instantFromForm, noticeFromForm } from './notices.forms';

describe('the notice form', () => {
  it('reads lists, role texts and links as the domain takes them', () => {
    const input = noticeFromForm({
      title: ' Nytt felt ',
      kind: 'dataset-change',
      body: 'Til alle',
      technicalBody: '',
      professionalBody: 'Til fag',
      services: ['ssg', 'inntekt'],
      environments: 'production',
      roles: ['technical'],
      entitlementPackages: 'barnehage\r\n\r\nsfo',
      effectiveAt: '2030-03-01T08:00',
      links: 'Varsel | https://ske.example/varsel\nhttps://ske.example/docs',
    });
    expect(input).toMatchObject({
      title: 'Nytt felt',
      technicalBody: null,
      professionalBody: 'Til fag',
      services: ['ssg', 'inntekt'],
      environments: ['production'],
      entitlementPackages: ['barnehage', 'sfo'],
      links: [
        { title: 'Varsel', url: 'https://ske.example/varsel' },
        { title: 'https://ske.example/docs', url: 'https://ske.example/docs' },
      ],
    });
    expect((input.effectiveAt as Date).toISOString()).toBe('2030-03-01T07:00:00.000Z');
  });

  it('reads nothing from an empty field', () => {
    expect(instantFromForm('')).toBeUndefined();
  });

  it.each(['i morgen', '2030-03-01', '2030-02-30T10:00', '2030-03-01T24:00'])('gives %j as no time, for the domain to refuse', (v) => {
    expect(Number.isNaN(instantFromForm(v)!.getTime())).toBe(true);
  });
});
