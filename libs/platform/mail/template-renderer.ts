import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import Handlebars from 'handlebars';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

type Compiled = { subject: HandlebarsTemplateDelegate; html: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate };

/**
 * E-mail templates: `<name>.subject.hbs`, `<name>.html.hbs` and `<name>.text.hbs`, wrapped in the
 * shared layouts. Text parts are compiled without HTML escaping; HTML parts escape everything.
 */
export class TemplateRenderer {
  private readonly html = Handlebars.create();
  private readonly plain = Handlebars.create();
  private readonly templates = new Map<string, Compiled>();
  private readonly layoutHtml: HandlebarsTemplateDelegate;
  private readonly layoutText: HandlebarsTemplateDelegate;

  constructor(directory = join(__dirname, 'templates')) {
    for (const hb of [this.html, this.plain]) {
      hb.registerHelper('date', (d: unknown) => formatDate(d));
      hb.registerHelper('join', (list: unknown, sep: unknown) =>
        Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : '',
      );
      hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    }
    const read = (file: string) => readFileSync(join(directory, file), 'utf8');
    this.layoutHtml = this.html.compile(read('layout.html.hbs'));
    this.layoutText = this.plain.compile(read('layout.text.hbs'), { noEscape: true });
    for (const file of readdirSync(directory)) {
      const m = /^(.+)\.subject\.hbs$/.exec(file);
      if (!m || m[1] === 'layout') continue;
      const name = m[1];
      this.templates.set(name, {
        subject: this.plain.compile(read(`${name}.subject.hbs`).trim(), { noEscape: true }),
        html: this.html.compile(read(`${name}.html.hbs`)),
        text: this.plain.compile(read(`${name}.text.hbs`), { noEscape: true }),
      });
    }
  }

  has(name: string): boolean {
    return this.templates.has(name);
  }

  render(name: string, data: Record<string, unknown>): RenderedEmail {
    const t = this.templates.get(name);
    if (!t) throw new Error(`No e-mail template named ${name}`);
    const subject = t.subject(data).replace(/\s+/g, ' ').trim();
    return {
      subject,
      html: this.layoutHtml({ ...data, subject, body: new Handlebars.SafeString(t.html(data)) }),
      text: this.layoutText({ ...data, subject, body: t.text(data).trim() }),
    };
  }
}

const OSLO = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' });

function formatDate(d: unknown): string {
  if (d === null || d === undefined || d === '') return '';
  const date = d instanceof Date ? d : new Date(String(d));
  return Number.isNaN(date.getTime()) ? String(d) : OSLO.format(date);
}
