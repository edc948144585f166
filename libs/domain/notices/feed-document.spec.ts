import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { FeedFormatError, htmlToText, parseFeedDocument } from './feed-document';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../test/fixtures/feeds', name), 'utf8');

describe('reading a feed document', () => {
  it('reads an Atom feed (GitHub releases): ids, titles, links resolved against the feed, categories, text without markup', () => {
    const feed = parseFeedDocument(fixture('releases.atom.xml'), 'https://github.com/example/api-docs/releases.atom');
    expect(feed.title).toBe('Release notes from api-docs');
    expect(feed.entries).toEqual([
      {
        key: 'tag:github.com,2008:Repository/1/alpha-v3',
        title: 'Alpha v3: nytt felt & ny versjon',
        summary: 'Versjon 3 legger til feltet kilde & mer.\n\n- Ett\n\n- To',
        link: 'https://github.com/example/api-docs/releases/tag/alpha-v3',
        links: ['https://github.com/example/api-docs/releases/tag/alpha-v3'],
        categories: ['alpha'],
        publishedAt: new Date('2026-11-20T10:00:00Z'),
        updatedAt: new Date('2026-11-20T10:00:00Z'),
      },
      expect.objectContaining({
        key: 'tag:github.com,2008:Repository/1/general',
        title: 'Generell informasjon',
        summary: 'Dokumentasjonen har fått ny forside.',
        categories: [],
        publishedAt: new Date('2026-11-18T08:00:00Z'),
      }),
    ]);
  });

  it('reads an RSS 2.0 feed: guid, else the link, as the key; HTML descriptions as text; RFC 822 dates', () => {
    const feed = parseFeedDocument(fixture('status.rss.xml'));
    expect(feed.title).toBe('Driftsmeldinger');
    expect(feed.entries).toEqual([
      {
        key: 'melding-17',
        title: 'Redusert tilgjengelighet på Betaregister i produksjon',
        summary: 'Vi undersøker feil ved oppslag.',
        link: 'https://status.example.test/meldinger/17',
        links: ['https://status.example.test/meldinger/17'],
        categories: ['beta-v2'],
        publishedAt: new Date('2026-11-20T08:15:00Z'),
        updatedAt: null,
      },
      expect.objectContaining({ key: 'https://status.example.test/meldinger/16', summary: 'Generell & uspesifisert', categories: [] }),
    ]);
  });

  it.each([
    ['an HTML page', '<!doctype html><html><body>Hei</body></html>'],
    ['empty text', ''],
    ['another XML vocabulary', '<?xml version="1.0"?><urlset><url/></urlset>'],
  ])('refuses %s', (_, text) => {
    expect(() => parseFeedDocument(text)).toThrow(FeedFormatError);
  });

  it('keeps only http(s) links, so a javascript: link never reaches a page', () => {
    const feed = parseFeedDocument(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>T</title><link href="javascript:alert(1)"/></entry></feed>',
    );
    expect(feed.entries[0]).toMatchObject({ link: null, links: [] });
  });

  it('masks identity numbers in titles and summaries, which are passed on to municipalities', () => {
    const feed = parseFeedDocument(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>Feil for 01019000083</title><summary>Gjaldt 010190 00083.</summary></entry></feed>',
    );
    expect(feed.entries[0]).toMatchObject({ title: 'Feil for [fødselsnummer fjernet]', summary: 'Gjaldt [fødselsnummer fjernet].' });
  });

  it('keeps identity numbers out of what is stored of a feed: its title, and the key of an entry known by its title', () => {
    const feed = parseFeedDocument(
      '<rss version="2.0"><channel><title>Drift 01019000083</title><item><title>Feil for 01019000083</title></item></channel></rss>',
    );
    expect(feed.title).toBe('Drift [fødselsnummer fjernet]');
    expect(feed.entries[0].key).toBe('Feil for [fødselsnummer fjernet]|');
  });

  it.each([
    ['drops scripts and styles', '<p>A</p><script>x()</script><style>p{}</style><p>B</p>', 'A\n\nB'],
    ['decodes entities once', '<p>&lt;b&gt; &amp;amp;</p>', '<b> &amp;'],
    ['keeps text of unclosed tags', '<div>Hei <b>du', 'Hei du'],
  ])('HTML as text %s', (_, html, expected) => {
    expect(htmlToText(html)).toBe(expected);
  });
});
