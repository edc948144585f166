import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';

import { ROOT } from '../../support/app-process';

export const RESULTS_DIR = join(ROOT, 'test-results');
const CHROMIUM = '/usr/bin/chromium';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The browsers this file has open, read by the test environment when a test fails (browser-test.environment.js). */
const OPEN_BROWSERS = Symbol.for('segment-desk.open-browsers');

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  const open = ((globalThis as Record<symbol, Browser[]>)[OPEN_BROWSERS] ??= []);
  open.push(browser);
  browser.on('disconnected', () => open.splice(open.indexOf(browser), 1));
  return browser;
}

/** A desktop window, wide enough for the admin UI's tables. */
export const WIDE = { width: 1366, height: 900 };

/** Pages for several people, each in a browser context of its own (own cookies) and watched for errors; closed together. */
export class PageSet {
  private readonly contexts: BrowserContext[] = [];
  private readonly errors: string[][] = [];

  constructor(
    private readonly browser: Browser,
    private readonly baseURL: string,
  ) {}

  async open(): Promise<Page> {
    const context = await this.browser.newContext({ baseURL: this.baseURL, viewport: WIDE, locale: 'nb-NO' });
    this.contexts.push(context);
    const page = await context.newPage();
    this.errors.push(watchForErrors(page));
    return page;
  }

  /** What any page reported as broken since the last call. */
  takeErrors(): string[] {
    return this.errors.flatMap((list) => list.splice(0));
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close();
  }
}

/** Collects what the page reports as broken: console errors (CSP violations, missing assets) and uncaught errors. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    // Chromium asks for /favicon.ico on its own; the app has none.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.location().url || page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document' && !r.url().endsWith('/favicon.ico'))
      errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

/**
 * Waits for a page shown again after a refused post: its alert, then the end of loading, because
 * the alert's focus and its links into the fields work through app.js, a deferred script that runs
 * after the alert is already in the document.
 */
export async function waitForRefusal(page: Page, alert: Locator): Promise<void> {
  await alert.waitFor();
  await page.waitForLoadState();
}

/**
 * Opens a details element by a click on its summary and waits until it has finished opening. The
 * design system grows the content's height over 0.4 s (::details-content), clipping what is not
 * yet shown, and Playwright checks a click's target only where the press starts: a click made
 * while the content still moves can end beside its control. Chromium lists no animation for the
 * pseudo-element, so the wait is for its height to stop changing from one frame to the next.
 */
export async function openDetails(summary: Locator): Promise<void> {
  await summary.click();
  await summary.evaluate(`(summary) => new Promise((resolve) => {
    const details = summary.parentElement;
    let last = '';
    const check = () => {
      const height = getComputedStyle(details, '::details-content').height;
      if (details.open && height === last && height !== '0px') return resolve();
      last = height;
      requestAnimationFrame(check);
    };
    check();
  })`);
}

/**
 * Waits until a JavaScript condition holds on the current page. Playwright's waitForFunction would
 * poll a string condition through eval, which the app's Content-Security-Policy refuses the moment
 * the condition is not already true; an evaluated expression runs outside that policy.
 */
export async function waitForCondition(page: Page, condition: string, timeoutMs = 30_000): Promise<void> {
  const met = page.evaluate(
    `new Promise((resolve) => { const check = () => ((${condition}) ? resolve(true) : requestAnimationFrame(check)); check(); })`,
  );
  // After a timeout the evaluation may still fail when the page closes; that is no news.
  met.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${condition}`)), timeoutMs);
  });
  try {
    await Promise.race([met, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * Words and phrases that never occur in bokmål UI text: finding one means English (an API message,
 * a library's default) or a broken value reached the page. Matched as whole words, ignoring case.
 */
const NEVER_IN_BOKMAL = [
  'the',
  'not found',
  'cannot',
  'invalid',
  'must',
  'should',
  'error',
  'failed',
  'required',
  'unknown',
  'please',
  'undefined',
  'null',
  'NaN',
  '[object Object]',
  'Invalid Date',
];

/**
 * Text that may contain such words on purpose, removed before the scan. Keep it short and say why;
 * text a person entered or a record shown as stored belongs in a `data-verbatim` element instead.
 */
const LEGITIMATE_TEXT: ReadonlyArray<{ text: string; why: string }> = [
  {
    text: 'orgNumber,name,kind,municipalityNumber,contactName,contactEmail,contactRole,services',
    why: 'the CSV column names the import reads',
  },
];

/**
 * Raw codes: dotted snake/camel codes (`consumer.updated`, `incident.merge_rejected`) and ISO dates
 * and timestamps (`2026-01-12T11:52:27Z`); people read names and Norwegian dates. Host names of
 * e-mail addresses and links are not codes.
 */
const RAW_CODE = /(?<![\w@.:/-])[a-z][a-zA-Z]+(?:_[a-zA-Z]+)*(?:\.[a-z][a-zA-Z]+(?:_[a-zA-Z]+)*)+(?![\w@-])/g;
const TOP_LEVEL_DOMAIN = /\.(no|com|org|net|test|example|local|io|dev)$/;
/** Bokmål abbreviations that look like dotted codes. */
const ABBREVIATIONS = new Set(['org.nr']);
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?\b/g;

/**
 * What a person meets on the page: the text of every element that is not `display: none` (closed
 * `<details>` included: one click shows it), the document title, and the title, aria-label,
 * placeholder and alt attributes. Elements marked `data-verbatim` (text as someone entered it,
 * a record as stored) are left out.
 */
const READABLE_TEXT = `(() => {
  const parts = [document.title];
  const walk = (el) => {
    for (const name of ['title', 'aria-label', 'placeholder', 'alt']) if (el.getAttribute(name)) parts.push(el.getAttribute(name));
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent);
      else if (child instanceof Element && !child.matches('script, style, template, [data-verbatim]') && getComputedStyle(child).display !== 'none') walk(child);
    }
  };
  walk(document.body);
  return parts.map((p) => p.replace(/\\s+/g, ' ').trim()).filter(Boolean);
})()`;

/**
 * English and raw codes on the page as it is now. Text in another language than the page's `lang`
 * is read with the wrong voice by screen readers (WCAG 3.1.2), so this is part of the accessibility check.
 */
export async function languageProblems(page: Page): Promise<string[]> {
  const texts = (await page.evaluate(READABLE_TEXT)) as string[];
  const problems: string[] = [];
  for (const raw of texts) {
    const text = LEGITIMATE_TEXT.reduce((t, l) => t.split(l.text).join(' '), raw);
    for (const word of NEVER_IN_BOKMAL) {
      const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, 'iu').test(text)) problems.push(`English "${word}" in: ${text}`);
    }
    for (const code of text.match(RAW_CODE) ?? [])
      if (!TOP_LEVEL_DOMAIN.test(code) && !ABBREVIATIONS.has(code)) problems.push(`raw code "${code}" in: ${text}`);
    for (const date of text.match(ISO_DATE) ?? []) problems.push(`ISO date "${date}" in: ${text}`);
  }
  return [...new Set(problems)];
}

/**
 * Runs axe-core (WCAG 2.1 A/AA and best practices) on the page as it is now, and the scan for
 * English and raw codes. The full axe result is kept in test-results/<name>.axe.json; returns the
 * serious and critical violations and every language problem.
 */
export async function seriousAccessibilityProblems(page: Page, name: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) stays in force.
  await page.evaluate(AXE_SOURCE);
  const options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } };
  const result = (await page.evaluate(`axe.run(document, ${JSON.stringify(options)})`)) as { violations: AxeViolation[] };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${name}.axe.json`), JSON.stringify(result.violations, null, 2));
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  return [...serious, ...(await languageProblems(page))];
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true });
}

const PHONE = { width: 390, height: 844 };

/** The innermost elements that reach past the screen's right edge, to say what to fix. */
async function widestElements(page: Page): Promise<string> {
  return (await page.evaluate(`[...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > ${PHONE.width} && ![...el.children].some((c) => c.getBoundingClientRect().right > ${PHONE.width}))
    .filter((el) => !el.closest('.app-table-scroll'))
    .slice(0, 5)
    .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''))
    .join(', ')`)) as string;
}

/**
 * The page as it is now at a phone's width (390 px): screenshot test-results/<name>-390.png, the
 * accessibility and language checks, and what forces zooming or scrolling past the menu: the page
 * wider than the screen (wide tables scroll in their own region) or its heading below the first screen.
 */
export async function phoneWidthProblems(page: Page, name: string): Promise<string[]> {
  const before = page.viewportSize();
  await page.setViewportSize(PHONE);
  try {
    await screenshot(page, `${name}-390`);
    const problems = await seriousAccessibilityProblems(page, `${name}-390`);
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    if (width > PHONE.width) problems.push(`the page is ${width} px wide on a ${PHONE.width} px screen: ${await widestElements(page)}`);
    const headingTop = (await page.evaluate(`document.querySelector('h1')?.getBoundingClientRect().top ?? 0`)) as number;
    if (headingTop > PHONE.height) problems.push(`the heading starts ${Math.round(headingTop)} px down, below the first screen`);
    return problems;
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/** Opens a page, expects it to answer 200, then checks accessibility and saves a screenshot. */
export async function visit(page: Page, path: string, name: string): Promise<string[]> {
  const response = await page.goto(path);
  if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
  await screenshot(page, name);
  return seriousAccessibilityProblems(page, name);
}

/** Signs in through the login form, as a person would. */
/** Chooses a password on the page an e-mailed link opens, then signs in with it. */
export async function setPasswordAndSignIn(page: Page, link: string, email: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Nytt passord (minst 12 tegn)').fill(password);
  await Promise.all([page.waitForURL('**/login?passwordSet=1'), page.getByRole('button', { name: 'Lagre passord' }).click()]);
  await signInThroughUi(page, email, password);
}

export async function signInThroughUi(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Passord').fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('button', { name: 'Logg inn' }).click()]);
}
