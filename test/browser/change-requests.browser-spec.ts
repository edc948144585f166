import type { Browser } from 'playwright-core';

import {
  launchBrowser,
  PageSet,
  phoneWidthProblems,
  screenshot,
  seriousAccessibilityProblems,
  setPasswordAndSignIn,
  visit,
} from './support/browser';
import { createStaffUser, DeskApp, expectOk, orgNumber, outbox, portalSignIn, startDeskApp } from './support/desk-app';

const SERVICE = 'inntekt';
const SKE_ADDRESS = 'inntekt-drift@ske.example.test';
const PASSWORD = 'et-langt-og-godt-passord-2030';
const AGENT = 'anna.agent@ks.example.test';

describe('change requests in a browser: a municipality submits, another supports, staff forward from the board', () => {
  let desk: DeskApp;
  let browser: Browser;
  let pages: PageSet;
  const emails = ['it@nordby.example.test', 'it@sorvik.example.test'];
  const title = 'Inntekt per måned i A-ordningen-oppslaget';

  beforeAll(async () => {
    [desk, browser] = await Promise.all([startDeskApp(), launchBrowser()]);
    pages = new PageSet(browser, desk.base);
    const version = await expectOk(
      desk.api<{ id: string }>('POST', '/api/v1/catalogue/versions', {
        label: 'Bilag 2 – endringsønsker',
        effectiveFrom: '2020-01-01',
        services: [
          {
            code: SERVICE,
            name: 'Inntekt API',
            maskinportenScopes: ['skatteetaten:inntekt'],
            environments: ['production', 'test'],
            escalationEmails: [SKE_ADDRESS],
            securityEmails: ['sikkerhet@ske.example.test'],
            serviceAreas: ['Redusert foreldrebetaling barnehage/SFO'],
          },
        ],
      }),
      'catalogue',
    );
    await expectOk(desk.api('POST', `/api/v1/catalogue/versions/${version.id}/publish`), 'publish');
    for (const [i, name] of ['Nordby kommune', 'Sørvik kommune'].entries())
      await expectOk(
        desk.api('POST', '/api/v1/consumers', {
          orgNumber: orgNumber((i + 5) * 1000),
          name,
          contacts: [{ name: `IT ${name}`, email: emails[i], role: 'technical' }],
          services: [
            { code: SERVICE, environments: ['production'], legalBasis: 'barnehageloven § 19', purpose: 'redusert foreldrebetaling' },
          ],
        }),
        `register ${name}`,
      );
  }, 240_000);

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await desk?.close();
  });

  afterEach(() => {
    expect(pages.takeErrors()).toEqual([]);
  });

  it('lets a municipality submit a change request in the portal', async () => {
    const p = await portalSignIn(desk, await pages.open(), emails[0]);
    await Promise.all([p.waitForURL('**/portal/change-requests'), p.getByRole('link', { name: 'Endringsønsker' }).click()]);
    expect(await seriousAccessibilityProblems(p, 'portal-change-requests-empty')).toEqual([]);
    await Promise.all([p.waitForURL('**/portal/change-requests/new'), p.getByRole('link', { name: 'Nytt endringsønske' }).click()]);
    await screenshot(p, 'portal-change-request-form');
    expect(await seriousAccessibilityProblems(p, 'portal-change-request-form')).toEqual([]);
    expect(await phoneWidthProblems(p, 'portal-change-request-form')).toEqual([]);

    await p.getByLabel('Tjeneste').selectOption(SERVICE);
    await p.getByLabel('Kort tittel').fill(title);
    await p.getByLabel('Hva ønsker dere endret?').fill('Oppslaget gir bare årsinntekt. Vi trenger inntekt per måned.');
    await p.getByLabel('Hva trenger dere det til?').fill('Vi beregner foreldrebetaling fra månedsinntekt.');
    await p.getByLabel('Høy').check();
    await Promise.all([
      p.waitForURL(/\/portal\/change-requests\/[0-9a-f-]{36}\?done=submitted$/),
      p.getByRole('button', { name: 'Send ønsket' }).click(),
    ]);
    await expect(p.getByRole('status').first().textContent()).resolves.toContain('Endringsønsket er sendt til KS.');
    await expect(p.locator('h1').textContent()).resolves.toContain(title);
    await screenshot(p, 'portal-change-request-submitted');
    expect(await seriousAccessibilityProblems(p, 'portal-change-request-submitted')).toEqual([]);
  });

  it('lets another municipality see it without the first one’s texts and add its support', async () => {
    const p = await portalSignIn(desk, await pages.open(), emails[1]);
    expect(await visit(p, '/portal/change-requests', 'portal-change-requests')).toEqual([]);
    expect(await phoneWidthProblems(p, 'portal-change-requests')).toEqual([]);
    await Promise.all([p.waitForURL(/\/portal\/change-requests\/[0-9a-f-]{36}$/), p.getByRole('link', { name: /^EN-/ }).click()]);
    const body = (await p.locator('main').textContent()) ?? '';
    expect(body).not.toContain('Vi beregner foreldrebetaling');
    expect(body).toContain('Teksten er bare synlig for kommunen som skrev den.');

    await p.getByLabel('Hva trenger dere det til?').fill('Egenbetaling i SFO beregnes også per måned.');
    await Promise.all([p.waitForURL(/\?done=supported$/), p.getByRole('button', { name: 'Vi trenger dette også' }).click()]);
    await expect(p.getByText('2 kommuner står bak').first().isVisible()).resolves.toBe(true);
    await expect(p.getByRole('button', { name: 'Vi trenger dette også' }).count()).resolves.toBe(0);
    await screenshot(p, 'portal-change-request-supported');
    expect(await seriousAccessibilityProblems(p, 'portal-change-request-supported')).toEqual([]);
    expect(await phoneWidthProblems(p, 'portal-change-request-supported')).toEqual([]);
  });

  it('shows staff the board ranked by support, and forwards the request to Skatteetaten once', async () => {
    const { link } = await createStaffUser(desk, AGENT, 'Anna Agent', 'agent');
    const p = await pages.open();
    await setPasswordAndSignIn(p, link, AGENT, PASSWORD);

    await Promise.all([p.waitForURL('**/change-requests'), p.getByRole('link', { name: 'Endringsønsker' }).click()]);
    await screenshot(p, 'change-request-board');
    expect(await seriousAccessibilityProblems(p, 'change-request-board')).toEqual([]);
    expect(await phoneWidthProblems(p, 'change-request-board')).toEqual([]);
    const row = p.locator('#change-request-board tbody tr').first();
    await expect(row.locator('[data-supporters]').textContent()).resolves.toBe('2');
    await expect(row.textContent()).resolves.toContain('Redusert foreldrebetaling barnehage/SFO');

    await Promise.all([p.waitForURL(/\/change-requests\/[0-9a-f-]{36}$/), row.getByRole('link').click()]);
    await expect(p.locator('#change-request-supporters').textContent()).resolves.toContain('Egenbetaling i SFO');
    expect(await seriousAccessibilityProblems(p, 'change-request-page')).toEqual([]);
    expect(await phoneWidthProblems(p, 'change-request-page')).toEqual([]);

    await p.getByLabel('Kommentar fra KS (valgfritt)').fill('KS prioriterer dette høyt.');
    await Promise.all([p.waitForURL(/\?done=forwarded$/), p.getByRole('button', { name: 'Send til Skatteetaten' }).click()]);
    await expect(p.getByRole('status').first().textContent()).resolves.toContain('Ønsket er sendt til Skatteetaten.');
    await expect(p.getByRole('button', { name: 'Send til Skatteetaten' }).count()).resolves.toBe(0);
    await screenshot(p, 'change-request-forwarded');
    expect(await seriousAccessibilityProblems(p, 'change-request-forwarded')).toEqual([]);

    const forwards = (await outbox(desk)).filter((m) => m.template === 'change-request-forward');
    expect(forwards.map((m) => m.to)).toEqual([[SKE_ADDRESS]]);
  });
});
