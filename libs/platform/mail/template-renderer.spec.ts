import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { TemplateRenderer } from './template-renderer';

describe('TemplateRenderer', () => {
  describe('with the shipped templates', () => {
    const renderer = new TemplateRenderer();
    const data = {
      name: 'Øyvind <Ås> & Co',
      link: 'https://desk.test/password/pw_abc?x=1&y=2',
      expiresAt: new Date('2030-06-01T10:00:00Z'),
      reset: false,
    };

    it('knows the password-set template', () => {
      expect(renderer.has('password-set')).toBe(true);
      expect(renderer.has('no-such-template')).toBe(false);
    });

    it('renders the subject on one line, in Norwegian, per variant', () => {
      expect(renderer.render('password-set', data).subject).toBe('Velkommen til segmentdesken – velg passord');
      expect(renderer.render('password-set', { ...data, reset: true }).subject).toBe('Tilbakestill passordet ditt i segmentdesken');
    });

    it('escapes values in the HTML part and not in the text part', () => {
      const { html, text } = renderer.render('password-set', data);
      expect(html).toContain('Hei Øyvind &lt;Ås&gt; &amp; Co,');
      expect(html).toContain('href="https://desk.test/password/pw_abc?x&#x3D;1&amp;y&#x3D;2"');
      expect(html).not.toContain('<Ås>');
      expect(text).toContain('Hei Øyvind <Ås> & Co,');
      expect(text).toContain('Velg passord: https://desk.test/password/pw_abc?x=1&y=2');
      expect(text).not.toContain('&amp;');
    });

    it('wraps both parts in the shared layout', () => {
      const { html, text } = renderer.render('password-set', data);
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('<html lang="nb">');
      expect(html).toContain('<title>Velkommen til segmentdesken – velg passord</title>');
      expect(text).toMatch(/\n--\nKS – segmentansvar/);
    });

    it('formats dates in Oslo time', () => {
      // 10:00 UTC is 12:00 in Oslo in summer.
      expect(renderer.render('password-set', data).text).toContain('utløper 01.06.2030, 12:00');
    });

    it('refuses an unknown template', () => {
      expect(() => renderer.render('nope', {})).toThrow(/No e-mail template named nope/);
    });
  });

  describe('with a template directory of its own', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'segment-desk-templates-'));
      writeFileSync(join(dir, 'layout.html.hbs'), '<main>{{body}}</main>');
      writeFileSync(join(dir, 'layout.text.hbs'), '{{body}}\n-- {{ksContact}}');
      writeFileSync(join(dir, 'notice.subject.hbs'), '  [{{ref}}]\n  {{title}}  \n');
      writeFileSync(
        join(dir, 'notice.html.hbs'),
        '<ul>{{#each services}}<li>{{this}}</li>{{/each}}</ul><p>{{join codes "/"}}</p>{{#if (eq env "test")}}<p>test</p>{{/if}}',
      );
      writeFileSync(join(dir, 'notice.text.hbs'), '\n{{join services ", "}} – "{{title}}"\n');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('collapses whitespace in subjects, trims the text body and applies the helpers', () => {
      const renderer = new TemplateRenderer(dir);
      const out = renderer.render('notice', {
        ref: 'INC-7',
        title: 'Brudd <&> "nå"',
        services: ['Summert skattegrunnlag', 'Inntekt & lønn'],
        codes: ['a', 'b'],
        env: 'test',
        ksContact: 'KS',
      });
      expect(out.subject).toBe('[INC-7] Brudd <&> "nå"');
      expect(out.html).toBe('<main><ul><li>Summert skattegrunnlag</li><li>Inntekt &amp; lønn</li></ul><p>a/b</p><p>test</p></main>');
      expect(out.text).toBe('Summert skattegrunnlag, Inntekt & lønn – "Brudd <&> "nå""\n-- KS');
    });
  });
});
