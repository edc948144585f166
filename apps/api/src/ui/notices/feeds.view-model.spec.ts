import type { NoticeFeedView, OperationalMessageView } from '@domain/notices';

import { feedRow, messageRows, originOf } from './feeds.view-model';

const feed = (over: Partial<NoticeFeedView>): NoticeFeedView => ({
  id: 'f1',
  url: 'https://example.test/feed',
  kind: 'operational',
  title: null,
  enabled: true,
  lastPolledAt: null,
  lastOkAt: null,
  lastError: null,
  createdBy: 'kari@ks.test',
  createdAt: new Date('2026-11-01T00:00:00Z'),
  ...over,
});

const message = (over: Partial<OperationalMessageView>): OperationalMessageView => ({
  id: 'm1',
  title: 'Feil',
  link: null,
  services: ['alpha'],
  environments: [],
  startedAt: new Date('2026-11-20T08:00:00Z'),
  endedAt: null,
  endReason: null,
  active: true,
  fromFeed: true,
  createdBy: 'system',
  ...over,
});

describe('the feeds page', () => {
  it.each<[string, Partial<NoticeFeedView>, string]>([
    ['not read yet', {}, 'Ikke lest ennå'],
    ['read well', { lastOkAt: new Date() }, 'Lest'],
    ['failing since its last read', { lastOkAt: new Date(), lastError: 'answered HTTP 404' }, 'Feiler'],
    ['stopped, whatever happened before', { enabled: false, lastError: 'answered HTTP 404' }, 'Stoppet'],
  ])('shows a feed %s', (_, over, tag) => {
    expect(feedRow(feed(over)).tag.text).toBe(tag);
  });

  it.each([
    ['answered HTTP 404', 'Kilden svarte med en feilstatus.'],
    ['not an Atom or RSS feed (root element <html>)', 'Adressen gir ikke en Atom- eller RSS-feed.'],
    ['failed: something unforeseen', 'Kilden kunne ikke leses.'],
  ])('says in words why a feed failed: %s', (lastError, text) => {
    expect(feedRow(feed({ lastError })).errorText).toBe(text);
  });

  it('splits messages into active and ended, in words', () => {
    const { active, ended } = messageRows([
      message({}),
      message({ id: 'm2', environments: ['production'], active: false, endedAt: new Date(), endReason: 'resolved' }),
    ]);
    expect(active.map((m) => [m.id, m.environmentText])).toEqual([['m1', 'Alle miljøer']]);
    expect(ended.map((m) => [m.id, m.environmentText, m.endLabel])).toEqual([['m2', 'Produksjon', 'Meldt løst i kilden']]);
  });

  it('tells where a proposed draft came from and why each service was chosen', () => {
    const origin = originOf({
      feedUrl: 'https://example.test/releases.atom',
      feedTitle: 'Endringer',
      entryTitle: 'v3',
      entryLink: 'https://example.test/v3',
      services: [
        { code: 'alpha', reason: 'category alpha' },
        { code: 'beta', reason: 'mentions Betaregister' },
      ],
    });
    expect(origin).toMatchObject({ feedName: 'Endringer', mapping: 'alpha (kategori alpha), beta (nevnt i teksten som «Betaregister»)' });
    expect(originOf({ feedUrl: 'u', feedTitle: null, entryTitle: 't', entryLink: null, services: [] })?.mapping).toContain(
      'velg tjenestene',
    );
    expect(originOf(null)).toBeNull();
  });
});
