import type { Browser, BrowserContext, Page } from 'playwright-core';

import {
  launchBrowser,
  phoneWidthProblems,
  screenshot,
  seriousAccessibilityProblems,
  signInThroughUi,
  watchForErrors,
  WIDE,
} from './support/browser';
import { createStaffUser, DeskApp, expectOk, orgNumber, startDeskApp } from './support/desk-app';

const SERVICE = 'inntekt';
const PASSWORD = 'et-langt-og-godt-passord-2030';
const OFFICER = 'siri.sikkerhet@ks.example.test';

describe('a security case in a browser: the security officer follows the clock and works the checklist', () => {
  let desk: DeskApp;
  let browser: Browser;
  let context: BrowserContext;
  let errors: string[] = [];
  let incidentId: string;

  beforeAll(async () => {
    [desk, browser] = await Promise.all([startDeskApp(), launchBrowser()]);
    const version = await expectOk(
      desk.api<{ id: string }>('POST', '/api/v1/catalogue/versions', {
        label: 'Bilag 2 – sikkerhet',
        effectiveFrom: '2020-01-01',
        services: [
          {
            code: SERVICE,
            name: 'Inntekt',
            maskinportenScopes: ['skatteetaten:inntekt'],
            environments: ['production'],
            escalationEmails: ['inntekt-drift@ske.example.test'],
            securityEmails: ['sikkerhet@ske.example.test'],
          },
        ],
      }),
      'catalogue',
    );
    await expectOk(desk.api('POST', `/api/v1/catalogue/versions/${version.id}/publish`), 'publish');
    const consumer = await expectOk(
      desk.api<{ id: string }>('POST', '/api/v1/consumers', {
        orgNumber: orgNumber(7000),
        name: 'Nordby kommune',
        contacts: [{ name: 'IT Nordby', email: 'it@nordby.example.test', role: 'technical' }],
        services: [{ code: SERVICE, environments: ['production'], legalBasis: 'skatteforvaltningsloven', purpose: 'saksbehandling' }],
      }),
      'consumer',
    );
    const key = await expectOk(desk.api<{ key: string }>('POST', `/api/v1/consumers/${consumer.id}/api-keys`), 'key');
    const res = await fetch(`${desk.base}/api/v1/reports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        service: SERVICE,
        environment: 'production',
        category: 'privacy',
        title: 'Inntektsopplysninger vist for feil bruker',
        description: 'En saksbehandler så inntektsopplysninger om en innbygger hun ikke har sak for.',
      }),
    });
    incidentId = ((await res.json()) as { incidentId: string }).incidentId;
    const { link } = await createStaffUser(desk, OFFICER, 'Siri Sikkerhet', 'security');
    context = await browser.newContext({ baseURL: desk.base, viewport: WIDE, locale: 'nb-NO' });
    const p = await context.newPage();
    errors = watchForErrors(p);
    await p.goto(link);
    await p.getByLabel('Nytt passord (minst 12 tegn)').fill(PASSWORD);
    await Promise.all([p.waitForURL('**/login?passwordSet=1'), p.getByRole('button', { name: 'Lagre passord' }).click()]);
    await p.close();
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await desk?.close();
  });

  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it('shows the case with its deadline, records the checklist and prints the evidence', async () => {
    const p: Page = await context.newPage();
    errors = watchForErrors(p);
    await signInThroughUi(p, OFFICER, PASSWORD);
    // The overview names the case's deadline.
    expect(await p.locator('#security-deadlines + ul').textContent()).toContain('fristen på 72 timer går ut');
    expect(await seriousAccessibilityProblems(p, 'overview-security-deadlines')).toEqual([]);
    await Promise.all([p.waitForURL('**/security-cases'), p.getByRole('link', { name: 'Sikkerhetssaker' }).click()]);
    await screenshot(p, 'security-cases');
    expect(await seriousAccessibilityProblems(p, 'security-cases')).toEqual([]);
    expect(await p.locator(`#case-${incidentId}`).textContent()).toContain('timer igjen');

    await Promise.all([p.waitForURL(`**/security-cases/${incidentId}`), p.locator(`#case-${incidentId} a`).click()]);
    expect(await p.locator('#case-deadline').textContent()).toContain('timer igjen');
    expect(await seriousAccessibilityProblems(p, 'security-case')).toEqual([]);
    expect(await phoneWidthProblems(p, 'security-case')).toEqual([]);

    await p.getByLabel('Hva ble gjort').fill('Brukerens tilgang er stengt.');
    await Promise.all([
      p.waitForURL('**?done=recorded'),
      p.locator('#item-containment').getByRole('button', { name: 'Registrer som utført' }).click(),
    ]);
    await expect(p.getByRole('status').textContent()).resolves.toContain('Sjekklisten er oppdatert.');
    await Promise.all([
      p.waitForURL('**?done=recorded'),
      p.locator('#item-municipalityInformed').getByRole('button', { name: 'Registrer som utført' }).click(),
    ]);
    await screenshot(p, 'security-case-done');
    expect(await seriousAccessibilityProblems(p, 'security-case-done')).toEqual([]);

    await Promise.all([p.waitForURL('**/evidence'), p.getByRole('link', { name: 'Dokumentasjon til kommunens avvikslogg' }).click()]);
    expect(await p.locator('h1').textContent()).toContain('Dokumentasjon for sikkerhetssak');
    expect(await p.textContent('body')).toContain('Brukerens tilgang er stengt.');
    await screenshot(p, 'security-case-evidence');
    expect(await seriousAccessibilityProblems(p, 'security-case-evidence')).toEqual([]);
  });
});
