import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it.each<[string, string, RegExp]>([
    ['a heading', '## Sjekkliste', /<h2>Sjekkliste<\/h2>/],
    ['a list', '- Delegere i Altinn\n- Be om scope', /<ul>\s*<li>Delegere i Altinn<\/li>\s*<li>Be om scope<\/li>\s*<\/ul>/],
    ['a numbered list', '1. Først\n2. Så', /<ol>\s*<li>Først<\/li>/],
    ['emphasis', 'Dette er **viktig**', /<strong>viktig<\/strong>/],
    [
      'an external link, kept from the page',
      '[Altinn](https://www.altinn.no)',
      /<a href="https:\/\/www\.altinn\.no" rel="noopener noreferrer">Altinn<\/a>/,
    ],
    ['a link inside the app', '[Meldinger](/portal/reports)', /<a href="\/portal\/reports">Meldinger<\/a>/],
    ['a bare address', 'Se https://skatteetaten.github.io for mer', /<a href="https:\/\/skatteetaten\.github\.io"/],
  ])('renders %s', (_, source, expected) => {
    expect(renderMarkdown(source)).toMatch(expected);
  });

  it.each<[string, string]>([
    ['a script tag', '<script>alert(1)</script>'],
    ['an event handler', '<img src="x" onerror="alert(1)">'],
    ['a javascript: link', '[Trykk](javascript:alert(1))'],
    ['a javascript: link in HTML', '<a href="javascript:alert(2)">lenke</a>'],
    ['a vbscript: link', '[Trykk](vbscript:msgbox(1))'],
    ['a data: link with HTML', '[Trykk](data:text/html;base64,PHNjcmlwdD4=)'],
    ['an HTML iframe', '<iframe src="https://example.test"></iframe>'],
  ])('never lets %s through as markup', (_, source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/<(script|img|iframe)\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/href="(javascript|vbscript|data):/i);
  });
});
