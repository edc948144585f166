import { normaliseFeed, normaliseOperationalMessage } from './feed-input';

describe('a feed subscription', () => {
  it.each<[string, { url?: unknown; kind?: unknown }, string[]]>([
    ['an https Atom address', { url: 'https://github.com/org/repo/releases.atom', kind: 'announcements' }, []],
    ['an http address', { url: 'http://127.0.0.1:8080/status.rss', kind: 'operational' }, []],
    ['no address', { kind: 'operational' }, ['url']],
    ['a file address', { url: 'file:///etc/passwd', kind: 'operational' }, ['url']],
    ['an address with credentials', { url: 'https://u:p@example.test/feed', kind: 'operational' }, ['url']],
    ['not an address', { url: 'feed please', kind: 'operational' }, ['url']],
    ['an unknown kind', { url: 'https://example.test/feed', kind: 'news' }, ['kind']],
    ['nothing at all', {}, ['url', 'kind']],
  ])('%s', (_, input, fields) => {
    expect(normaliseFeed(input).errors.map((e) => e.field)).toEqual(fields);
  });
});

describe('an operational message registered by staff', () => {
  const now = new Date('2026-11-20T12:00:00Z');
  const known = new Set(['alpha', 'beta']);
  it.each<[string, Record<string, unknown>, string[]]>([
    ['title and a known service', { title: 'Feil', services: ['alpha'] }, []],
    ['no title', { services: ['alpha'] }, ['title']],
    ['no service', { title: 'Feil' }, ['services']],
    ['an unknown service', { title: 'Feil', services: ['gamma'] }, ['services']],
    ['a link that is not http', { title: 'Feil', services: ['alpha'], link: 'javascript:alert(1)' }, ['link']],
    ['an unknown environment', { title: 'Feil', services: ['alpha'], environments: ['staging'] }, ['environments']],
    ['a start in the future', { title: 'Feil', services: ['alpha'], startedAt: '2026-11-21T12:00:00Z' }, ['startedAt']],
    ['a start that is no date', { title: 'Feil', services: ['alpha'], startedAt: 'i går' }, ['startedAt']],
  ])('%s', (_, input, fields) => {
    expect(normaliseOperationalMessage(input, known, now).errors.map((e) => e.field)).toEqual(fields);
  });

  it('masks an identity number in the title, which every report on the service shows its reporter', () => {
    const { content } = normaliseOperationalMessage({ title: 'Feil for 010190 00083', services: ['alpha'] }, known, now);
    expect(content?.title).toBe('Feil for [fødselsnummer fjernet]');
  });

  it('starts now unless told otherwise, and both environments are written as all', () => {
    expect(
      normaliseOperationalMessage({ title: ' Feil ', services: ['beta', 'alpha'], environments: ['test', 'production'] }, known, now)
        .content,
    ).toEqual({
      title: 'Feil',
      link: null,
      services: ['alpha', 'beta'],
      environments: [],
      startedAt: now,
    });
  });
});
