import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defineMailTemplate, type MailReader } from './mail-template';
import { TemplateRenderer } from './template-renderer';

interface GreetingMail {
  name: string;
  link: string;
  expiresAt: Date;
  formal: boolean;
}

interface NoticeMail {
  ref: string;
  title: string;
  services: string[];
  codes: string[];
  env: string;
}

const unmasked = (text: string) => text;

describe('TemplateRenderer', () => {
  let dir: string;
  const template = (name: string, subject: string, html: string, text: string) => {
    writeFileSync(join(dir, `${name}.subject.hbs`), subject);
    writeFileSync(join(dir, `${name}.html.hbs`), html);
    writeFileSync(join(dir, `${name}.text.hbs`), text);
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'segment-desk-templates-'));
    template(
      'greeting',
      '{{#if formal}}Velkommen, {{name}}{{else}}Hei {{name}}{{/if}}\n',
      '<p>Hei {{name}},</p><p><a href="{{link}}">Fortsett</a> før {{date expiresAt}}</p><p>{{ksContact}}</p>',
      'Hei {{name}},\n\nFortsett: {{link}} (før {{date expiresAt}})\n{{ksContact}} {{publicUrl}}\n',
    );
    template(
      'notice',
      '  [{{ref}}]\n  {{title}}  \n',
      '<ul>{{#each services}}<li>{{this}}</li>{{/each}}</ul><p>{{join codes "/"}}</p>{{#if (eq env "test")}}<p>test</p>{{/if}}',
      '\n{{join services ", "}} – "{{title}}"\n',
    );
    writeFileSync(join(dir, 'layout.html.hbs'), '<main>{{body}}</main>');
    writeFileSync(join(dir, 'layout.text.hbs'), '{{body}}\n-- {{ksContact}}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const greeting = () => defineMailTemplate<GreetingMail>('greeting', dir);
  const data: GreetingMail = {
    name: 'Øyvind <Ås> & Co',
    link: 'https://desk.test/next?x=1&y=2',
    expiresAt: new Date('2030-06-01T10:00:00Z'),
    formal: false,
  };

  describe('with the shared layouts', () => {
    const renderer = new TemplateRenderer({ publicUrl: 'https://desk.test', ksContact: 'KS brukerstøtte' }, unmasked);

    it.each([
      ['informal', false, 'Hei Øyvind <Ås> & Co'],
      ['formal', true, 'Velkommen, Øyvind <Ås> & Co'],
    ])('renders the %s subject on one line, unescaped', (_variant, formal, subject) => {
      expect(renderer.render(greeting(), { ...data, formal }).subject).toBe(subject);
    });

    it('escapes values in the HTML part and not in the text part', () => {
      const { html, text } = renderer.render(greeting(), data);
      expect(html).toContain('<p>Hei Øyvind &lt;Ås&gt; &amp; Co,</p>');
      expect(html).toContain('href="https://desk.test/next?x&#x3D;1&amp;y&#x3D;2"');
      expect(html).not.toContain('<Ås>');
      expect(text).toContain('Hei Øyvind <Ås> & Co,');
      expect(text).toContain('Fortsett: https://desk.test/next?x=1&y=2');
      expect(text).not.toContain('&amp;');
    });

    it('wraps both parts in the layout, titled with the subject', () => {
      const { html, text } = renderer.render(greeting(), data);
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('<html lang="nb">');
      expect(html).toContain('<title>Hei Øyvind &lt;Ås&gt; &amp; Co</title>');
      // The signature separator of RFC 3676 (dash, dash, space), which mail clients fold away.
      expect(text).toMatch(/\n-- \nKS – segmentansvar/);
    });

    it.each<[MailReader | undefined, string]>([
      [undefined, 'Svar på e-posten for å nå KS brukerstøtte.'],
      ['skatteetaten', 'Svarer dere på e-posten, kommer svaret til KS i samme tråd.'],
      ['staff', 'Sendt automatisk fra segmentdesken til KS.'],
    ])('tells the reader (%s) in the footer of both parts what answering does', (reader, footer) => {
      const { html, text } = renderer.render(defineMailTemplate<GreetingMail>('greeting', dir, reader ? { reader } : {}), data);
      expect(text).toContain(footer);
      expect(html).toContain(footer);
      for (const other of ['brukerstøtte.', 'i samme tråd.', 'Saken finner du'].filter((o) => !footer.includes(o))) {
        expect(text).not.toContain(other);
        expect(html).not.toContain(other);
      }
    });

    it('formats dates in Oslo time', () => {
      // 10:00 UTC is 12:00 in Oslo in summer.
      expect(renderer.render(greeting(), data).text).toContain('før 01.06.2030, 12:00');
    });

    it('gives every template the globals, over data of the same name', () => {
      const { html, text } = renderer.render(greeting(), { ...data, ksContact: 'someone else' } as GreetingMail);
      expect(text).toContain('KS brukerstøtte https://desk.test');
      expect(html).toContain('<p>KS brukerstøtte</p>');
      expect(html).not.toContain('someone else');
    });

    it('takes the data its template declares, and nothing else (checked when compiling)', () => {
      const rendered = () => [
        // @ts-expect-error -- a misspelt field is not GreetingMail's
        renderer.render(greeting(), { nmae: 'Kari', link: '', expiresAt: new Date(), formal: false }),
        // @ts-expect-error -- GreetingMail needs a link and an expiry
        renderer.render(greeting(), { name: 'Kari', formal: false }),
      ];
      // Handlebars itself is lenient: what is missing renders empty.
      expect(rendered()[1].text).toContain('Fortsett:  (før )');
    });

    it('refuses a template whose files are missing', () => {
      expect(() => renderer.render(defineMailTemplate<GreetingMail>('nope', dir), data)).toThrow(/No e-mail template named nope/);
    });
  });

  describe('with a personal-data mask', () => {
    // Stands in for the domain's identity-number rule, which the platform does not know.
    const renderer = new TemplateRenderer({ publicUrl: 'https://desk.test', ksContact: 'KS 12345678901' }, (t) =>
      t.replaceAll('12345678901', '[fjernet]'),
    );

    it('masks the subject, the HTML and the text, whatever put the number there (data or globals)', () => {
      const out = renderer.render(greeting(), { ...data, name: 'Kari 12345678901' });
      expect(out.subject).toBe('Hei Kari [fjernet]');
      for (const part of [out.subject, out.html, out.text]) expect(part).not.toContain('12345678901');
      expect(out.html).toContain('<p>Hei Kari [fjernet],</p>');
      expect(out.text).toContain('KS [fjernet] https://desk.test');
    });

    it('leaves an e-mail without one as it was rendered', () => {
      const plain = new TemplateRenderer({ publicUrl: 'https://desk.test', ksContact: 'KS brukerstøtte' }, unmasked);
      const withMask = new TemplateRenderer({ publicUrl: 'https://desk.test', ksContact: 'KS brukerstøtte' }, (t) =>
        t.replaceAll('12345678901', '[fjernet]'),
      );
      expect(withMask.render(greeting(), data)).toEqual(plain.render(greeting(), data));
    });
  });

  describe('with layouts of its own', () => {
    it('collapses whitespace in subjects, trims the text body and applies the helpers', () => {
      const renderer = new TemplateRenderer({ ksContact: 'KS' }, unmasked, dir);
      const out = renderer.render(defineMailTemplate<NoticeMail>('notice', dir), {
        ref: 'INC-7',
        title: 'Brudd <&> "nå"',
        services: ['Summert skattegrunnlag', 'Inntekt & lønn'],
        codes: ['a', 'b'],
        env: 'test',
      });
      expect(out.subject).toBe('[INC-7] Brudd <&> "nå"');
      expect(out.html).toBe('<main><ul><li>Summert skattegrunnlag</li><li>Inntekt &amp; lønn</li></ul><p>a/b</p><p>test</p></main>');
      expect(out.text).toBe('Summert skattegrunnlag, Inntekt & lønn – "Brudd <&> "nå""\n-- KS');
    });

    it.each([
      [0, '0 kommuner'],
      [1, '1 kommune'],
      [2, '2 kommuner'],
    ])('counts %d as «%s» in both parts', (n, expected) => {
      template(
        'counted',
        '{{count n "kommune" "kommuner"}}',
        '<p>{{count n "kommune" "kommuner"}}</p>',
        '{{count n "kommune" "kommuner"}}',
      );
      const out = new TemplateRenderer({}, unmasked, dir).render(defineMailTemplate<{ n: number }>('counted', dir), { n });
      expect([out.subject, out.html, out.text]).toEqual([expected, `<main><p>${expected}</p></main>`, `${expected}\n-- `]);
    });

    it('keeps the line breaks of a text in the HTML part, escaped', () => {
      template('lined', 'x', '<p>{{lines body}}</p>', '{{body}}');
      const out = new TemplateRenderer({}, unmasked, dir).render(defineMailTemplate<{ body: string }>('lined', dir), {
        body: 'Første <linje>\r\nAndre & siste',
      });
      expect(out.html).toBe('<main><p>Første &lt;linje&gt;<br>\nAndre &amp; siste</p></main>');
    });
  });
});
