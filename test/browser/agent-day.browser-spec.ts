import type { Browser, BrowserContext, Page } from 'playwright-core';

import {
  launchBrowser,
  screenshot,
  seriousAccessibilityProblems,
  setPasswordAndSignIn,
  waitForCondition,
  watchForErrors,
} from './support/browser';
import { createStaffUser, DeskApp, orgNumber, startDeskApp } from './support/desk-app';

const PASSWORD = 'et-langt-og-godt-passord-2031';

describe("the agent's day in a browser: search box, live bell, shortcuts, collision warning", () => {
  let desk: DeskApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let kari: Page;
  let ola: Page;
  let consumerKey: string;
  const errors: string[][] = [];

  async function ok<T>(call: Promise<{ status: number; json: T }>, what: string): Promise<T> {
    const res = await call;
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }

  const report = (title: string, environment = 'production') =>
    fetch(`${desk.base}/api/v1/reports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${consumerKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ service: 'inntekt', environment, category: 'deviation', title, description: `${title}.` }),
    }).then(async (res) => {
      if (res.status !== 201) throw new Error(`report: ${res.status} ${await res.text()}`);
      return (await res.json()) as { incidentId: string };
    });

  async function agent(email: string, name: string): Promise<Page> {
    const { link } = await createStaffUser(desk, email, name, 'agent');
    const context = await browser.newContext({ baseURL: desk.base, viewport: { width: 1366, height: 900 }, locale: 'nb-NO' });
    contexts.push(context);
    const page = await context.newPage();
    errors.push(watchForErrors(page));
    await setPasswordAndSignIn(page, link, email, PASSWORD);
    return page;
  }

  beforeAll(async () => {
    [desk, browser] = await Promise.all([startDeskApp(), launchBrowser()]);
    const version = await ok(
      desk.api<{ id: string }>('POST', '/api/v1/catalogue/versions', {
        label: 'Bilag 2',
        effectiveFrom: '2020-01-01',
        services: [
          {
            code: 'inntekt',
            name: 'Inntekt API',
            maskinportenScopes: ['skatteetaten:inntekt'],
            environments: ['production', 'test'],
            escalationEmails: ['drift@ske.example.test'],
            securityEmails: ['sikkerhet@ske.example.test'],
          },
        ],
      }),
      'catalogue',
    );
    await ok(desk.api('POST', `/api/v1/catalogue/versions/${version.id}/publish`), 'publish');
    const consumer = await ok(
      desk.api<{ id: string }>('POST', '/api/v1/consumers', {
        orgNumber: orgNumber(7100),
        name: 'Alta kommune',
        contacts: [{ name: 'IT', email: 'it@alta.example.test', role: 'technical' }],
        services: [{ code: 'inntekt', environments: ['production'], legalBasis: 'lov', purpose: 'formål' }],
      }),
      'consumer',
    );
    consumerKey = (await ok(desk.api<{ key: string }>('POST', `/api/v1/consumers/${consumer.id}/api-keys`), 'key')).key;
    kari = await agent('kari@ks.example.test', 'Kari Nordmann');
    ola = await agent('ola@ks.example.test', 'Ola Nordmann');
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await desk?.close();
  });

  it('counts a new incident on the bell of an open page without reloading, and announces it politely', async () => {
    await kari.goto('/');
    const count = kari.locator('[data-unread-count]');
    await count.waitFor({ state: 'hidden' });
    await report('Feil beløp i inntekt for mars');
    await count.waitFor({ state: 'visible' });
    expect((await count.innerText()).trim()).toMatch(/^1\s*uleste$/);
    await kari.locator('[data-live-announcer]', { hasText: 'Du har 1 ulest varsling.' }).waitFor({ state: 'attached' });
    // Nothing took the focus away.
    expect(await kari.evaluate('document.activeElement === document.body')).toBe(true);
  });

  it('searches from the header box and shows the result page accessibly', async () => {
    await kari.getByRole('searchbox', { name: 'Søk i alt' }).fill('beløpet');
    await Promise.all([kari.waitForURL('**/search?q=*'), kari.getByRole('searchbox', { name: 'Søk i alt' }).press('Enter')]);
    await kari.getByRole('heading', { name: 'Hendelser (1)' }).waitFor();
    await kari
      .getByRole('link', { name: /Feil beløp i inntekt for mars/ })
      .first()
      .waitFor();
    await screenshot(kari, 'agent-day-search');
    expect(await seriousAccessibilityProblems(kari, 'agent-day-search')).toEqual([]);
  });

  it('opens the shortcut help with «?», moves through the queue with j, and never acts while typing', async () => {
    await kari.goto('/incidents');
    await kari.getByRole('searchbox', { name: 'Søk i alt' }).focus();
    await kari.keyboard.press('?');
    expect(await kari.locator('#shortcut-help').isVisible()).toBe(false);
    await kari.locator('main').click({ position: { x: 5, y: 5 } });
    await kari.keyboard.press('?');
    const dialog = kari.getByRole('dialog', { name: 'Hurtigtaster' });
    await dialog.waitFor();
    expect(await dialog.getByText('Neste rad i listen').isVisible()).toBe(true);
    // No reply action on the queue: its row is not offered.
    expect(await dialog.getByText('Svar på saken').isVisible()).toBe(false);
    await screenshot(kari, 'agent-day-shortcuts');
    expect(await seriousAccessibilityProblems(kari, 'agent-day-shortcuts')).toEqual([]);
    await kari.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await kari.keyboard.press('j');
    expect(await kari.evaluate('document.activeElement?.closest("#incident-queue tbody tr") !== null')).toBe(true);
    await Promise.all([kari.waitForURL(/\/incidents\/[0-9a-f-]{36}$/), kari.keyboard.press('Enter')]);
  });

  it('tells each of two agents on the same incident that the other is there, and stops when one leaves', async () => {
    const incidentPath = new URL(kari.url()).pathname;
    await ola.goto(incidentPath);
    await kari.getByText('Ola Nordmann ser også på denne saken.').waitFor();
    await ola.getByText('Kari Nordmann ser også på denne saken.').waitFor();
    await screenshot(kari, 'agent-day-collision');
    expect(await seriousAccessibilityProblems(kari, 'agent-day-collision')).toEqual([]);
    await ola.goto('/');
    await kari.getByText('Ola Nordmann ser også på denne saken.').waitFor({ state: 'hidden' });
  });

  it('moves through the other lists with j and opens the row with Enter, as the help says', async () => {
    await kari.goto('/consumers');
    await kari.locator('main').click({ position: { x: 5, y: 5 } });
    await kari.keyboard.press('j');
    expect(await kari.evaluate('document.activeElement?.closest("[data-shortcut-rows] tbody tr") !== null')).toBe(true);
    await Promise.all([kari.waitForURL(/\/consumers\/[0-9a-f-]{36}/), kari.keyboard.press('Enter')]);
  });

  it('adds a new notification to the open notifications page without reloading', async () => {
    await kari.goto('/notifications');
    const items = kari.locator('.app-notification');
    const before = await items.count();
    // Another environment, so it is an incident of its own (and a notification) whatever the others are.
    await report('Inntekt svarer 500 på alle oppslag', 'test');
    await kari.locator('.app-notification', { hasText: 'Inntekt svarer 500 på alle oppslag' }).waitFor();
    expect(await items.count()).toBe(before + 1);
    await kari.locator('[data-live-announcer]', { hasText: 'Varslingene er oppdatert.' }).waitFor({ state: 'attached' });
  });

  it('goes to the case actions with a, r and c on the incident page, the field ready to type in', async () => {
    const { incidentId } = await report('Inntekt svarer 502 på alle oppslag', 'test');
    const incidentPath = `/incidents/${incidentId}`;
    for (const [key, details] of [
      ['a', '#action-assign'],
      ['r', '#write-municipalities'],
      ['c', '#action-resolve'],
    ] as const) {
      await kari.goto(incidentPath);
      await kari.locator('main').click({ position: { x: 5, y: 5 } });
      await kari.keyboard.press(key);
      await waitForCondition(kari, `document.querySelector('${details}')?.contains(document.activeElement) ?? false`);
      expect(await kari.evaluate('document.activeElement?.outerHTML.slice(0, 60)')).toMatch(/^<(select|textarea|input)/);
    }
  });

  it('turns single-key shortcuts off and on from the help, opened by the header button', async () => {
    await kari.goto('/incidents');
    const opener = kari.getByRole('button', { name: 'Hurtigtaster' });
    await opener.click();
    const dialog = kari.getByRole('dialog', { name: 'Hurtigtaster' });
    await dialog.getByLabel('Bruk hurtigtaster').uncheck();
    await kari.keyboard.press('Escape');
    await kari.reload();
    await kari.locator('main').click({ position: { x: 5, y: 5 } });
    await kari.keyboard.press('j');
    await kari.keyboard.press('?');
    expect(await kari.evaluate('document.activeElement?.closest("[data-shortcut-rows] tbody tr") === null')).toBe(true);
    expect(await dialog.isVisible()).toBe(false);
    await opener.click();
    await dialog.getByLabel('Bruk hurtigtaster').check();
    await kari.keyboard.press('Escape');
    await kari.keyboard.press('j');
    expect(await kari.evaluate('document.activeElement?.closest("[data-shortcut-rows] tbody tr") !== null')).toBe(true);
  });

  it('had no script or CSP errors', () => {
    expect(errors.flat()).toEqual([]);
  });
});
