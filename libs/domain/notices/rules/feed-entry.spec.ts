import {
  environmentsOfEntry,
  type FeedEntryText,
  kindOfAnnouncement,
  saysResolved,
  type ServiceSignature,
  servicesOfEntry,
} from './feed-entry';

const CATALOGUE: ServiceSignature[] = [
  {
    code: 'alpha',
    name: 'Alfatjenesten',
    maskinportenScopes: ['etat:alpha.read'],
    documentationUrl: 'https://docs.example.test/api/alpha/',
  },
  { code: 'beta-v2', name: 'Betaregister', maskinportenScopes: [], documentationUrl: 'https://docs.example.test/api/beta' },
  { code: 'g1', name: 'Gam', maskinportenScopes: [], documentationUrl: 'https://docs.example.test/' },
];

const entry = (over: Partial<FeedEntryText>): FeedEntryText => ({ title: '', summary: '', categories: [], links: [], ...over });

describe('which catalogue services a feed entry is about', () => {
  it.each<[string, Partial<FeedEntryText>, string[]]>([
    ['a category equal to a code, in any case', { categories: ['ALPHA'] }, ['alpha']],
    ['a category equal to a Maskinporten scope', { categories: ['etat:alpha.read'] }, ['alpha']],
    ['a category naming nothing in the catalogue', { categories: ['release'] }, []],
    ['a link under the documentation path', { links: ['https://docs.example.test/api/alpha/changelog#v3'] }, ['alpha']],
    ['a link on another host counts only by the code in its path', { links: ['https://elsewhere.test/api/alpha/changelog'] }, ['alpha']],
    ['a link whose path only shares a prefix of letters', { links: ['https://docs.example.test/api/betamax/x'] }, []],
    ['a documentation URL at the site root says nothing', { links: ['https://docs.example.test/other'] }, []],
    ['another host with the same path', { links: ['https://elsewhere.test/api/beta/x'] }, []],
    ['a link with the code as a path segment', { links: ['https://github.com/org/repo/tree/main/beta-v2/spec.yaml'] }, ['beta-v2']],
    ['the code as a whole word in the title', { title: 'Nytt felt i beta-v2 fra mars' }, ['beta-v2']],
    ['the code inside a longer word is not a mention', { title: 'alphabetical ordering' }, []],
    ['the name in the summary, any case', { summary: 'Endringer i BETAREGISTERET og alfatjenesten' }, ['alpha']],
    ['a name shorter than four letters is not matched as text', { summary: 'gam' }, []],
    ['several services, sorted', { title: 'g1 og alpha', categories: ['beta-v2'] }, ['alpha', 'beta-v2', 'g1']],
    ['nothing named', { title: 'Generell informasjon', summary: 'Ingen tjeneste nevnt.' }, []],
  ])('%s', (_, over, codes) => {
    expect(servicesOfEntry(entry(over), CATALOGUE).map((s) => s.code)).toEqual(codes);
  });

  it('names the reason of each match', () => {
    expect(servicesOfEntry(entry({ categories: ['etat:alpha.read'] }), CATALOGUE)).toEqual([
      { code: 'alpha', reason: 'category etat:alpha.read' },
    ]);
  });
});

describe('the kind of a proposed draft', () => {
  it.each<[string, Partial<FeedEntryText>, string]>([
    ['an ordinary release is an interface change', { title: 'v2.3.0', summary: 'Nytt felt' }, 'interface-change'],
    ['utfasing in the summary', { title: 'Versjon 1', summary: 'Versjon 1 er under utfasing' }, 'deprecation'],
    ['«fases ut» as a phrase', { title: 'Gammelt endepunkt fases ut' }, 'deprecation'],
    ['deprecated in English', { title: 'Endpoint X deprecated' }, 'deprecation'],
    ['planned maintenance', { title: 'Planlagt vedlikehold lørdag' }, 'planned-maintenance'],
    ['a glossary word inside another word does not count', { title: 'Nyheter om avviklingsplanen' }, 'interface-change'],
  ])('%s', (_, over, kind) => {
    expect(kindOfAnnouncement(entry(over))).toBe(kind);
  });
});

describe('operational messages', () => {
  it.each<[string, string, boolean]>([
    ['Løst: feil på tjenesten', 'Løst: feil på tjenesten', true],
    ['resolved in English', 'Resolved - outage', true],
    ['an open problem', 'Redusert tilgjengelighet', false],
    ['uløst is not løst', 'Uløst feil på tjenesten', false],
  ])('%s', (_, title, resolved) => {
    expect(saysResolved({ title })).toBe(resolved);
  });

  it.each<[string, Partial<FeedEntryText>, string[]]>([
    ['no environment named: all', { title: 'Feil på tjenesten' }, []],
    ['production named', { title: 'Feil i produksjon' }, ['production']],
    ['the test environment named', { summary: 'Gjelder testmiljøet' }, ['test']],
    ['both named: all', { title: 'Feil i produksjon og testmiljøet' }, []],
  ])('%s', (_, over, environments) => {
    expect(environmentsOfEntry(entry(over))).toEqual(environments);
  });
});
