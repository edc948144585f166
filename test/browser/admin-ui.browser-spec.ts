import type { Browser, BrowserContext, Page } from 'playwright-core';

import {
  launchBrowser,
  phoneWidthProblems,
  screenshot,
  seriousAccessibilityProblems,
  signInThroughUi,
  visit,
  watchForErrors,
} from './support/browser';
import { createStaffUser, DeskApp, startDeskApp } from './support/desk-app';

const EMAIL = 'ingrid.admin@ks.example.test';
const PASSWORD = 'et-langt-og-godt-passord-2030';

describe('admin UI in a browser', () => {
  let desk: DeskApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let link: string;

  beforeAll(async () => {
    [desk, browser] = await Promise.all([startDeskApp(), launchBrowser()]);
    ({ link } = await createStaffUser(desk, EMAIL, 'Ingrid Admin', 'admin'));
    context = await browser.newContext({ baseURL: desk.base, viewport: { width: 1280, height: 900 }, locale: 'nb-NO' });
    page = await context.newPage();
    errors = watchForErrors(page);
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await desk?.close();
  });
  afterEach(() => {
    expect(errors).toEqual([]);
  });

  it('sets a password through the one-time link', async () => {
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Velg passord');
    await screenshot(page, 'password-set');
    expect(await seriousAccessibilityProblems(page, 'password-set')).toEqual([]);
    await page.getByLabel('Nytt passord (minst 12 tegn)').fill(PASSWORD);
    await Promise.all([page.waitForURL('**/login?passwordSet=1'), page.getByRole('button', { name: 'Lagre passord' }).click()]);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Passordet er lagret');
  });

  it('shows an accessible login page and refuses a wrong password', async () => {
    await page.goto('/login');
    await screenshot(page, 'login');
    expect(await seriousAccessibilityProblems(page, 'login')).toEqual([]);
    await page.getByLabel('E-post').fill(EMAIL);
    await page.getByLabel('Passord').fill('feil-passord-1234');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Feil e-post eller passord.');
    // Focus is on the message, so screen readers read it out and the keyboard starts there.
    await page.locator('[role="alert"]:focus').waitFor();
    expect(await page.getByLabel('E-post').inputValue()).toBe(EMAIL);
    await screenshot(page, 'login-failed');
    expect(await seriousAccessibilityProblems(page, 'login-failed')).toEqual([]);
    // The re-rendered form is a 401 document; Chromium notes that, and nothing else went wrong.
    expect(errors.splice(0)).toEqual([expect.stringMatching(/\/login: Failed to load resource: .* 401/)]);
  });

  it('signs in through the form', async () => {
    await signInThroughUi(page, EMAIL, PASSWORD);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Oversikt');
    const session = (await context.cookies()).find((c) => c.name === 'sd_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it.each([
    ['/', 'home', 'Oversikt'],
    ['/staff', 'staff', 'Brukere'],
    ['/tokens', 'tokens', 'Mine API-nøkler'],
    ['/audit', 'audit', 'Revisjonslogg'],
    ['/mail', 'mail', 'Sendt e-post'],
    ['/events', 'events', 'Bakgrunnsjobber'],
  ])('%s is accessible (screenshot test-results/%s.png)', async (path, name, heading) => {
    expect(await visit(page, path, name)).toEqual([]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(heading);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    const current = page.getByRole('navigation', { name: 'Hovedmeny' }).locator('[aria-current="page"]');
    if (path !== '/') expect(await current.getAttribute('href')).toBe(path);
  });

  it('folds the menu behind a button on a phone, opened and followed by keyboard', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto('/');
      expect(await phoneWidthProblems(page, 'home')).toEqual([]);
      const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
      const toggle = menu.getByRole('button', { name: 'Meny' });
      const audit = menu.getByRole('link', { name: 'Revisjonslogg' });
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(audit.isVisible()).resolves.toBe(false);
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
      await audit.focus();
      await Promise.all([page.waitForURL('**/audit'), page.keyboard.press('Enter')]);
      expect(await phoneWidthProblems(page, 'audit')).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('shows one e-mail with its HTML part in a sandboxed frame', async () => {
    await page.goto('/mail');
    await Promise.all([
      page.waitForURL(/\/mail\/[0-9a-f-]{36}$/),
      page.getByRole('link', { name: 'Velkommen til segmentdesken – velg passord' }).first().click(),
    ]);
    const path = new URL(page.url()).pathname;
    expect(await visit(page, path, 'mail-message')).toEqual([]);
    const frame = page.frameLocator('iframe[title="E-posten slik mottakeren ser den"]');
    await expect(frame.getByText('Hei Ingrid Admin,').textContent()).resolves.toBe('Hei Ingrid Admin,');
  });

  it('filters the audit log', async () => {
    await page.goto('/audit');
    await page.getByLabel('Handling').selectOption({ label: 'Innlogging (KS): alle' });
    await Promise.all([page.waitForURL(/action=sign-in/), page.getByRole('button', { name: 'Filtrer' }).click()]);
    const actions = await page.locator('tbody td[data-action]').allTextContents();
    expect(actions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(actions)).toEqual(new Set(['Logget inn', 'Innlogging mislyktes']));
    await screenshot(page, 'audit-filtered');
    expect(await seriousAccessibilityProblems(page, 'audit-filtered')).toEqual([]);
  });

  it('creates a personal API token that works at once, then revokes it', async () => {
    await page.goto('/tokens');
    await page.getByLabel('Navn på nøkkelen').fill('Nettlesertest');
    await page.getByRole('button', { name: 'Lag nøkkel' }).click();
    const token = (await page.locator('code.app-secret').textContent())!.trim();
    expect(token).toMatch(/^sdt_[\w-]{43}$/);
    await screenshot(page, 'tokens-created');
    expect(await seriousAccessibilityProblems(page, 'tokens-created')).toEqual([]);

    const me = await fetch(`${desk.base}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ email: EMAIL, role: 'admin' });

    await page.goto('/tokens');
    const row = page.getByRole('row').filter({ hasText: 'Nettlesertest' });
    page.once('dialog', (dialog) => void dialog.accept());
    await Promise.all([page.waitForURL('**/tokens'), row.getByRole('button', { name: 'Trekk tilbake' }).click()]);
    await expect(row.getByText(/Trukket tilbake/).count()).resolves.toBe(1);
    expect((await fetch(`${desk.base}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('signs out', async () => {
    await page.goto('/');
    await Promise.all([page.waitForURL('**/login'), page.getByRole('button', { name: 'Logg ut' }).click()]);
    await page.goto('/staff');
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
