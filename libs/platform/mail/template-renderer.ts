import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Logger } from '@nestjs/common';
import type { PersonalDataMask } from '@platform/logging';
import Handlebars from 'handlebars';

import type { MailGlobals, MailTemplate } from './mail-template';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** «A, B og C». */
const NB_LIST = new Intl.ListFormat('nb', { type: 'conjunction' });

type Compiled = { subject: HandlebarsTemplateDelegate; html: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate };

/**
 * Renders a template (mail-template.ts) wrapped in the shared layouts of `templates/`. Text parts
 * are compiled without HTML escaping; HTML parts escape everything. A template's files are read
 * and compiled at its first use. Every part is passed through `maskPersonalData` last: whatever
 * a template was given (a notice staff wrote, a title from a feed), no identity number leaves by
 * e-mail, and the preview staff see is what is sent.
 */
export class TemplateRenderer {
  private readonly logger = new Logger('TemplateRenderer');
  private readonly html = Handlebars.create();
  private readonly plain = Handlebars.create();
  private readonly templates = new Map<string, Compiled>();
  private readonly layoutHtml: HandlebarsTemplateDelegate;
  private readonly layoutText: HandlebarsTemplateDelegate;

  constructor(
    private readonly globals: Partial<MailGlobals>,
    private readonly maskPersonalData: PersonalDataMask,
    layouts = join(__dirname, 'templates'),
  ) {
    for (const hb of [this.html, this.plain]) {
      hb.registerHelper('date', (d: unknown) => formatDate(d));
      hb.registerHelper('join', (list: unknown, sep: unknown) =>
        Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : '',
      );
      hb.registerHelper('list', (list: unknown) => (Array.isArray(list) ? NB_LIST.format(list.map(String)) : ''));
      hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
      // «1 kommune», «3 kommuner»: a number with the noun in the form it takes.
      hb.registerHelper('count', (n: unknown, one: unknown, many: unknown) => `${String(n)} ${n === 1 ? String(one) : String(many)}`);
    }
    // People's text in HTML keeps its line breaks (escaped, then a <br> at each), as the text part does.
    this.html.registerHelper(
      'lines',
      (text: unknown) => new Handlebars.SafeString(Handlebars.escapeExpression(String(text ?? '')).replace(/\r?\n/g, '<br>\n')),
    );
    this.layoutHtml = this.html.compile(readFileSync(join(layouts, 'layout.html.hbs'), 'utf8'));
    this.layoutText = this.plain.compile(readFileSync(join(layouts, 'layout.text.hbs'), 'utf8'), { noEscape: true });
  }

  render<T extends object>(template: MailTemplate<T>, data: NoInfer<T>): RenderedEmail {
    const t = this.compiled(template);
    const context: Record<string, unknown> = { ...data, ...this.globals };
    const subject = t.subject(context).replace(/\s+/g, ' ').trim();
    return this.masked(template.name, {
      subject,
      html: this.layoutHtml({ ...context, subject, reader: template.reader, body: new Handlebars.SafeString(t.html(context)) }),
      text: this.layoutText({ ...context, subject, reader: template.reader, body: t.text(context).trim() }),
    });
  }

  private masked(template: string, email: RenderedEmail): RenderedEmail {
    const out = {
      subject: this.maskPersonalData(email.subject),
      html: this.maskPersonalData(email.html),
      text: this.maskPersonalData(email.text),
    };
    if (out.subject !== email.subject || out.html !== email.html || out.text !== email.text)
      // Something upstream let one through: say where, never what.
      this.logger.warn({ template }, 'identity number masked in an outgoing e-mail');
    return out;
  }

  private compiled({ name, directory }: MailTemplate<object>): Compiled {
    const key = join(directory, name);
    let t = this.templates.get(key);
    if (!t) {
      const read = (part: string) => {
        const file = join(directory, `${name}.${part}.hbs`);
        if (!existsSync(file)) throw new Error(`No e-mail template named ${name}: ${file} is missing`);
        return readFileSync(file, 'utf8');
      };
      t = {
        subject: this.plain.compile(read('subject').trim(), { noEscape: true }),
        html: this.html.compile(read('html')),
        text: this.plain.compile(read('text'), { noEscape: true }),
      };
      this.templates.set(key, t);
    }
    return t;
  }
}

const OSLO = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' });

function formatDate(d: unknown): string {
  if (d === null || d === undefined || d === '') return '';
  const date = d instanceof Date ? d : new Date(String(d));
  return Number.isNaN(date.getTime()) ? String(d) : OSLO.format(date);
}
