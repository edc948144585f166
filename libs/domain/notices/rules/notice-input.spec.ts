import { bodyFor, normaliseNotice, type NoticeInput, textsForRoles } from './notice-input';

const NOW = new Date('2030-01-10T12:00:00Z');
const KNOWN = new Set(['ssg', 'inntekt']);
const valid: NoticeInput = {
  title: '  Nytt format  ',
  body: 'Feltet endres.',
  services: ['ssg', 'ssg'],
  environments: ['production'],
  effectiveAt: '2030-03-01T00:00:00+01:00',
};

describe('a notice as written', () => {
  it('is trimmed, de-duplicated and given the default kind', () => {
    const { content, errors } = normaliseNotice(valid, KNOWN, NOW);
    expect(errors).toEqual([]);
    expect(content).toMatchObject({ title: 'Nytt format', kind: 'interface-change', services: ['ssg'], roles: [], technicalBody: null });
    expect(content?.effectiveAt.toISOString()).toBe('2030-02-28T23:00:00.000Z');
  });

  it.each<[string, NoticeInput, (c: NonNullable<ReturnType<typeof normaliseNotice>['content']>) => string]>([
    ['the title', { ...valid, title: 'Gjelder 01019000083' }, (c) => c.title],
    ['the text for everyone', { ...valid, body: 'Se 010190-00083.' }, (c) => c.body],
    ['the technical text', { ...valid, technicalBody: 'Test med 01.01.90 00083' }, (c) => c.technicalBody ?? ''],
    ['the professional text', { ...valid, professionalBody: 'Gjelder 010190\u00a000083' }, (c) => c.professionalBody ?? ''],
    ['a link’s title', { ...valid, links: [{ title: 'Sak 01019000083', url: 'https://skatteetaten.no/x' }] }, (c) => c.links[0].title],
  ])('masks an identity number in %s', (_, input, field) => {
    const { content } = normaliseNotice(input, KNOWN, NOW);
    expect(field(content!)).toContain('[fødselsnummer fjernet]');
    expect(field(content!)).not.toMatch(/00083/);
  });

  it.each<[string, NoticeInput, string, RegExp]>([
    ['no title', { ...valid, title: ' ' }, 'title', /required/],
    ['an unknown kind', { ...valid, kind: 'gossip' }, 'kind', /one of/],
    ['no body', { ...valid, body: '' }, 'body', /required/],
    ['no services', { ...valid, services: [] }, 'services', /at least one/],
    ['an unknown service', { ...valid, services: ['ssg', 'finnes-ikke'] }, 'services', /finnes-ikke/],
    ['no environment', { ...valid, environments: [] }, 'environments', /at least one/],
    ['an unknown environment', { ...valid, environments: ['staging'] }, 'environments', /among/],
    ['an unknown role', { ...valid, roles: ['boss'] }, 'roles', /among/],
    ['no effective date', { ...valid, effectiveAt: undefined }, 'effectiveAt', /required/],
    ['an effective date in the past', { ...valid, effectiveAt: '2030-01-10T11:59:59Z' }, 'effectiveAt', /future/],
    ['a link that is not http', { ...valid, links: [{ title: 'x', url: 'javascript:alert(1)' }] }, 'links[0].url', /http/],
  ])('refuses %s, naming the field', (_, input, field, message) => {
    const { content, errors } = normaliseNotice(input, KNOWN, NOW);
    expect(content).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ field, message: expect.stringMatching(message) })]);
  });

  it.each([
    ['technical', 'Teknisk tekst'],
    ['professional', 'Standard'],
    ['security', 'Standard'],
  ])('gives a %s contact its own text, or the default', (role, expected) => {
    expect(bodyFor({ body: 'Standard', technicalBody: 'Teknisk tekst', professionalBody: null }, role)).toBe(expected);
  });

  const both: { body: string; technicalBody: string | null; professionalBody: string | null } = {
    body: 'Standard',
    technicalBody: 'Teknisk tekst',
    professionalBody: 'Faglig tekst',
  };
  it.each<[string, typeof both, string[], string, Array<{ role: string; text: string }>]>([
    ['one role: its own text, nothing besides', both, ['technical'], 'Teknisk tekst', []],
    ['one role twice is one role', both, ['technical', 'technical'], 'Teknisk tekst', []],
    ['a role without its own text: the default', both, ['security'], 'Standard', []],
    [
      'mixed roles: the default, and each role text besides',
      both,
      ['technical', 'security', 'professional'],
      'Standard',
      [
        { role: 'professional', text: 'Faglig tekst' },
        { role: 'technical', text: 'Teknisk tekst' },
      ],
    ],
    [
      'mixed roles where only one has its own text',
      { ...both, professionalBody: null },
      ['professional', 'technical'],
      'Standard',
      [{ role: 'technical', text: 'Teknisk tekst' }],
    ],
    [
      'mixed roles, no role texts: the default alone',
      { ...both, technicalBody: null, professionalBody: null },
      ['professional', 'technical'],
      'Standard',
      [],
    ],
  ])('texts for readers with several roles: %s', (_, content, roles, text, roleTexts) => {
    expect(textsForRoles(content, roles)).toEqual({ text, roleTexts });
  });
});
