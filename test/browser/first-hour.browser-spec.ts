import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { AppProcess, freePort, startApp } from '../support/app-process';
import { launchBrowser, screenshot, seriousAccessibilityProblems, watchForErrors } from './support/browser';

const EMAIL = 'forste.admin@ks.example.test';
const PASSWORD = 'et-langt-og-godt-passord-2031';
const WIDTHS = [1366, 390];

/**
 * The first hour of a brand-new installation: no bootstrap variables, an empty data directory;
 * the setup link from the log makes the first admin, who loads the demonstration and finds
 * incidents in the queue, signs out, mistypes the password and signs in.
 */
describe('a new installation in a browser', () => {
  let dataDir: string;
  let app: AppProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  /** A screenshot at each width (desktop and phone) and axe on each. */
  async function look(name: string): Promise<string[]> {
    const problems: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `${name}-${width}`);
      problems.push(...(await seriousAccessibilityProblems(page, `${name}-${width}`)));
    }
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    return problems;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'segment-desk-first-hour-'));
    const port = await freePort();
    [app, browser] = await Promise.all([
      startApp({ DATA_DIR: dataDir, PUBLIC_URL: `http://127.0.0.1:${port}`, MAIL_FROM: 'segment@ks.example.test' }, port),
      launchBrowser(),
    ]);
    context = await browser.newContext({ baseURL: app.base, viewport: { width: WIDTHS[0], height: 900 }, locale: 'nb-NO' });
    page = await context.newPage();
    errors = watchForErrors(page);
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterEach(() => {
    expect(errors).toEqual([]);
  });

  it('says on the login page that there are no users yet and that the link is in the log', async () => {
    await page.goto('/login');
    const notice = page.getByRole('status');
    await expect(notice.textContent()).resolves.toContain('Installasjonen har ingen brukere ennå');
    await expect(notice.textContent()).resolves.toContain('serverens logg');
    expect(await look('first-hour-login-empty')).toEqual([]);
  });

  it('creates the first admin from the setup link in the log and lands signed in on the overview', async () => {
    const link = (await app.waitForOutput(/create the first admin at (\S+)/))[1];
    expect(link.startsWith(`${app.base}/setup/`)).toBe(true);
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Opprett den første administratoren');
    expect(await look('first-hour-setup')).toEqual([]);
    await page.getByLabel('Navn').fill('Første Administrator');
    await page.getByLabel('E-post').fill(EMAIL);
    await page.getByLabel('Passord (minst 12 tegn)').fill(PASSWORD);
    await page.getByLabel('Gjenta passordet').fill(PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/'),
      page.getByRole('button', { name: 'Opprett administrator' }).click(),
    ]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Oversikt');
    await expect(page.getByRole('heading', { name: 'Kom i gang' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Ikke gjort').count()).resolves.toBe(3);
    expect(await look('first-hour-overview-empty')).toEqual([]);
  });

  it('loads the demonstration with the button and finds incidents in the queue', async () => {
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('done') === 'demo', { timeout: 240_000 }),
      page.getByRole('button', { name: 'Last inn demonstrasjonsdata' }).click(),
    ]);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Demonstrasjonsdataene er lastet inn');
    // Every step is done now: the checklist and the button are gone.
    await expect(page.getByRole('heading', { name: 'Kom i gang' }).count()).resolves.toBe(0);
    expect(await look('first-hour-overview-demo')).toEqual([]);
    await page.goto('/incidents');
    const rows = page.locator('#incident-queue tbody tr');
    await expect(rows.count()).resolves.toBeGreaterThan(10);
    expect(await look('first-hour-queue')).toEqual([]);
  }, 300_000);

  it('signs out, refuses a wrong password with the form still usable, then signs in', async () => {
    await Promise.all([page.waitForURL('**/login'), page.getByRole('button', { name: 'Logg ut' }).click()]);
    await expect(page.getByText('ingen brukere').count()).resolves.toBe(0);
    await page.getByLabel('E-post').fill(EMAIL);
    await page.getByLabel('Passord').fill('feil-passord-1234');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Feil e-post eller passord.');
    expect(await page.getByLabel('E-post').inputValue()).toBe(EMAIL);
    expect(await look('first-hour-login-failed')).toEqual([]);
    await page.getByLabel('Passord').fill(PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('button', { name: 'Logg inn' }).click()]);
    await expect(page.getByText('Velkommen, Første Administrator.').isVisible()).resolves.toBe(true);
    // The re-rendered login form is a 401 document; Chromium notes that, and nothing else went wrong.
    expect(errors.splice(0)).toEqual([expect.stringMatching(/\/login: Failed to load resource: .* 401/)]);
  });
});
