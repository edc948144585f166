import MarkdownIt from 'markdown-it';

/**
 * Article Markdown to HTML for a page. Raw HTML is off (it shows as text), so staff cannot put
 * script or event handlers in an article; markdown-it's own link check refuses javascript:,
 * vbscript:, file: and most data: URLs. Links to other sites open as ordinary links, without
 * handing this page to them (rel="noopener noreferrer").
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = String(tokens[idx].attrGet('href') ?? '');
  if (/^https?:\/\//i.test(href)) tokens[idx].attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}
