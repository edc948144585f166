import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { FastifyInstance, FastifyReply } from 'fastify';
import Handlebars from 'handlebars';

import { renderMarkdown } from './markdown';
import { countOf, nounForms, pluralForm } from './numbers';

const OSLO_DATETIME = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' });
/** «A, B og C». */
const NB_LIST = new Intl.ListFormat('nb', { type: 'conjunction' });
// Dates as the date-and-time helper writes its date (05.12.2026), so a page writes every date one way.
const OSLO_DATE = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short' });

function toDate(v: unknown): Date | null {
  if (v === null || v === undefined || v === '') return null;
  const d = v instanceof Date ? v : new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** One service code or a list of them, by name, joined with commas. */
export function serviceNames(codes: unknown, names: Readonly<Record<string, string>> | undefined): string {
  const list = (Array.isArray(codes) ? codes : [codes]).filter((c): c is string => typeof c === 'string' && c !== '');
  return list.map((code) => names?.[code] ?? code).join(', ');
}

export function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hb.registerHelper('not', (a: unknown) => !a);
  hb.registerHelper(
    'startsWith',
    (text: unknown, prefix: unknown) =>
      typeof text === 'string' && typeof prefix === 'string' && (text === prefix || text.startsWith(`${prefix}/`)),
  );
  hb.registerHelper('includes', (list: unknown, v: unknown) => Array.isArray(list) && list.includes(v));
  hb.registerHelper('datetime', (v: unknown) => {
    const d = toDate(v);
    return d ? OSLO_DATETIME.format(d) : '';
  });
  hb.registerHelper('date', (v: unknown) => {
    const d = toDate(v);
    return d ? OSLO_DATE.format(d) : '';
  });
  hb.registerHelper('isoDate', (v: unknown) => toDate(v)?.toISOString().slice(0, 10) ?? '');
  hb.registerHelper('json', (v: unknown) => JSON.stringify(v, null, 2));
  // Article text as Markdown; safe because raw HTML is off (ui/shared/markdown.ts).
  hb.registerHelper('markdown', (v: unknown) => new hb.SafeString(typeof v === 'string' ? renderMarkdown(v) : ''));
  hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : ''));
  hb.registerHelper('list', (list: unknown) => (Array.isArray(list) ? NB_LIST.format(list.map(String)) : ''));
  // Service codes as people read them: the catalogue's names the page context carries (a code the catalogue lacks stays a code).
  hb.registerHelper('serviceNames', (codes: unknown, options: Handlebars.HelperOptions) =>
    serviceNames(codes, options.data?.root?.serviceNames),
  );
  hb.registerHelper('percent', (v: unknown) => (typeof v === 'number' ? `${Math.round(v * 100)} %` : ''));
  hb.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
  // A count and its noun from COUNTED_NOUNS: {{count n "incident"}} → "1 hendelse"; {{noun n "incident"}} → the noun only;
  // {{nounForms "incident"}} → data-one/data-other attributes, for numbers app scripts update in place.
  hb.registerHelper('count', (n: unknown, noun: unknown) => countOf(Number(n ?? 0), nounForms(String(noun))));
  hb.registerHelper('noun', (n: unknown, noun: unknown) => pluralForm(Number(n ?? 0), nounForms(String(noun))));
  hb.registerHelper('nounForms', (noun: unknown) => {
    const forms = nounForms(String(noun));
    return new hb.SafeString(`data-one="${hb.escapeExpression(forms.one)}" data-other="${hb.escapeExpression(forms.other)}"`);
  });
}

/**
 * Server-rendered pages: Handlebars views under ui/views, wrapped in layouts/main.hbs unless
 * the view sets `layout: false`. Partials come from ui/views/partials. `reply.view(name, data)`
 * renders one, and so does NestJS's `@Render()`.
 */
export function useViewEngine(fastify: FastifyInstance, cache: boolean): void {
  const viewsDir = join(__dirname, '..', 'views');
  const hb = Handlebars.create();
  registerHelpers(hb);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const compile = (file: string) => {
    const hit = cache ? compiled.get(file) : undefined;
    if (hit) return hit;
    // A partial called on an indented line would otherwise be indented whole, the text of its
    // textareas too: multi-line input gained spaces on every pass through a form.
    const t = hb.compile(readFileSync(file, 'utf8'), { preventIndent: true });
    compiled.set(file, t);
    return t;
  };
  const loadPartials = () => {
    const dir = join(viewsDir, 'partials');
    for (const f of readdirSync(dir)) if (f.endsWith('.hbs')) hb.registerPartial(basename(f, '.hbs'), readFileSync(join(dir, f), 'utf8'));
  };
  loadPartials();

  const render = (name: string, data: Record<string, unknown>): string => {
    if (!cache) loadPartials();
    const body = compile(join(viewsDir, `${name}.hbs`))(data);
    if (data.layout === false) return body;
    const layout = compile(join(viewsDir, 'layouts', `${typeof data.layout === 'string' ? data.layout : 'main'}.hbs`));
    return layout({ ...data, body: new hb.SafeString(body) });
  };
  fastify.decorateReply('view', function (this: FastifyReply, name: string, data: object = {}) {
    return this.type('text/html; charset=utf-8').send(render(name, data as Record<string, unknown>));
  });
}
