import { maskNationalIdentityNumbers } from '@domain/shared';
import { DomUtils, parseDocument } from 'htmlparser2';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<Node, { attribs: Record<string, string> }>;

/** One entry of an Atom or RSS 2.0 feed, its text free of markup. */
export interface FeedEntry {
  /** Atom id, RSS guid, else the link: what identifies the entry across reads. */
  key: string;
  title: string;
  summary: string;
  /** The entry's page (Atom rel="alternate", RSS link). */
  link: string | null;
  links: string[];
  categories: string[];
  publishedAt: Date | null;
  updatedAt: Date | null;
}

export interface ParsedFeed {
  title: string | null;
  entries: FeedEntry[];
}

export class FeedFormatError extends Error {}

const MAX_KEY = 500;
const MAX_TITLE = 200;
const MAX_SUMMARY = 20_000;

const local = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();
const children = (el: Element, name: string): Element[] =>
  el.children.filter((c): c is Element => DomUtils.isTag(c) && local(c.name) === name);
const child = (el: Element, name: string) => children(el, name)[0];
const text = (el: Element | undefined) => (el ? DomUtils.textContent(el).trim() : '');
const collapse = (s: string) =>
  s
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/\s*\n\s*(\n\s*)+/g, '\n\n')
    .trim();

/**
 * The text of HTML as a reader sees it: parsed (never pattern-matched), scripts and styles
 * dropped, entities decoded, block elements on their own lines.
 */
export function htmlToText(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true });
  for (const el of DomUtils.findAll((e) => ['script', 'style', 'template'].includes(e.name.toLowerCase()), doc.children))
    DomUtils.removeElement(el);
  const lines: string[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (DomUtils.isText(n)) lines.push(n.data);
      else if (DomUtils.isTag(n)) {
        const block = /^(p|div|br|li|ul|ol|h[1-6]|tr|pre|blockquote|section|article)$/i.test(n.name);
        if (block) lines.push('\n');
        if (n.name.toLowerCase() === 'li') lines.push('- ');
        walk(n.children);
        if (block) lines.push('\n');
      }
    }
  };
  walk(doc.children);
  return collapse(lines.join(''));
}

/** Atom's text constructs say whether they hold HTML; RSS descriptions are HTML by custom. */
function textOf(el: Element | undefined, html: boolean): string {
  if (!el) return '';
  const raw = text(el);
  const type = (el.attribs.type ?? '').toLowerCase();
  return html || type === 'html' || type === 'xhtml' ? htmlToText(type === 'xhtml' ? DomUtils.getInnerHTML(el) : raw) : collapse(raw);
}

function absolute(href: string, base: string | undefined): string | null {
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

function date(el: Element | undefined): Date | null {
  const d = new Date(text(el));
  return el && !Number.isNaN(d.getTime()) ? d : null;
}

function atomEntry(el: Element, base: string | undefined): FeedEntry {
  const linkEls = children(el, 'link');
  const links = linkEls.map((l) => absolute(l.attribs.href ?? '', base)).filter((l): l is string => !!l);
  const alternate = linkEls.find((l) => (l.attribs.rel ?? 'alternate') === 'alternate');
  const link = alternate ? absolute(alternate.attribs.href ?? '', base) : (links[0] ?? null);
  const summary = textOf(child(el, 'summary') ?? child(el, 'content'), false);
  const title = textOf(child(el, 'title'), false);
  return finish({
    key: text(child(el, 'id')) || link || '',
    title,
    summary,
    link,
    links,
    categories: children(el, 'category').map((c) => (c.attribs.term ?? '').trim()),
    publishedAt: date(child(el, 'published')) ?? date(child(el, 'updated')),
    updatedAt: date(child(el, 'updated')),
  });
}

function rssItem(el: Element, base: string | undefined): FeedEntry {
  const link = absolute(text(child(el, 'link')), base);
  const description = child(el, 'description') ?? child(el, 'encoded');
  return finish({
    key: text(child(el, 'guid')) || link || '',
    title: textOf(child(el, 'title'), false),
    summary: textOf(description, true),
    link,
    links: link ? [link] : [],
    categories: children(el, 'category').map((c) => text(c)),
    publishedAt: date(child(el, 'pubdate')) ?? date(child(el, 'date')),
    updatedAt: null,
  });
}

function finish(e: FeedEntry): FeedEntry {
  // What an entry says is passed on to municipalities and stored: an identity number in it is not.
  const title = maskNationalIdentityNumbers(e.title).text;
  return {
    ...e,
    // Without id, guid or link an entry is known by what it says.
    key: (e.key || `${title}|${e.publishedAt?.toISOString() ?? ''}`).slice(0, MAX_KEY),
    title: title.slice(0, MAX_TITLE) || (e.link ?? ''),
    summary: maskNationalIdentityNumbers(e.summary).text.slice(0, MAX_SUMMARY),
    categories: [...new Set(e.categories.filter(Boolean))],
  };
}

/** The feed's own title, stored with it and shown to staff. */
const feedTitle = (title: string): string | null => maskNationalIdentityNumbers(title).text || null;

/**
 * An Atom 1.0 or RSS 2.0 (or RSS 1.0/RDF) document as entries. Relative links are resolved
 * against `base` (the feed's address). Anything else is refused with FeedFormatError.
 */
export function parseFeedDocument(xml: string, base?: string): ParsedFeed {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const root = doc.children.find((c): c is Element => DomUtils.isTag(c));
  if (!root) throw new FeedFormatError('not an XML document');
  const kind = local(root.name);
  if (kind === 'feed') {
    return { title: feedTitle(text(child(root, 'title'))), entries: children(root, 'entry').map((e) => atomEntry(e, base)) };
  }
  if (kind === 'rss' || kind === 'rdf') {
    const channel = child(root, 'channel');
    const items = kind === 'rss' ? (channel ? children(channel, 'item') : []) : children(root, 'item');
    return { title: feedTitle(channel ? text(child(channel, 'title')) : ''), entries: items.map((i) => rssItem(i, base)) };
  }
  throw new FeedFormatError(`not an Atom or RSS feed (root element <${root.name}>)`);
}
