import type { Browser, BrowserContext, Page } from 'playwright-core';

import {
  launchBrowser,
  openDetails,
  phoneWidthProblems,
  screenshot,
  seriousAccessibilityProblems,
  setPasswordAndSignIn,
  visit,
  watchForErrors,
} from './support/browser';
import { createStaffUser, DeskApp, orgNumber, startDeskApp } from './support/desk-app';

const SERVICE = 'summert-skattegrunnlag';
const PASSWORD = 'et-langt-og-godt-passord-2030';
const AGENT = 'anne.agent@ks.example.test';
const MUNICIPALITIES = 30;
const REPORTS = 300;
const SCREEN = { width: 1366, height: 768 };

/** The page of an outage that 30 municipalities reported 300 times: its actions must be on the first screen. */
describe('the page of a big incident in a browser', () => {
  let desk: DeskApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[] = [];
  let incident: { id: string; reference: string; reportCount: number; consumerCount: number };

  async function ok<T>(call: Promise<{ status: number; json: T }>, what: string): Promise<T> {
    const res = await call;
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }

  beforeAll(async () => {
    [desk, browser] = await Promise.all([startDeskApp(), launchBrowser()]);
    const version = await ok(
      desk.api<{ id: string }>('POST', '/api/v1/catalogue/versions', {
        label: 'Bilag 2 – stor hendelse',
        effectiveFrom: '2020-01-01',
        services: [
          {
            code: SERVICE,
            name: 'Summert skattegrunnlag API',
            maskinportenScopes: ['skatteetaten:summertskattegrunnlag'],
            environments: ['production', 'test'],
            escalationEmails: ['drift@ske.example.test'],
            securityEmails: ['sikkerhet@ske.example.test'],
          },
        ],
      }),
      'catalogue',
    );
    await ok(desk.api('POST', `/api/v1/catalogue/versions/${version.id}/publish`), 'publish');
    const orgs: string[] = [];
    for (let i = 0; i < MUNICIPALITIES; i++) {
      const created = await ok(
        desk.api<{ orgNumber: string }>('POST', '/api/v1/consumers', {
          orgNumber: orgNumber(4000 + i * 100),
          name: `Kommune nummer ${i + 1}`,
          contacts: [{ name: 'IT', email: `it-${i}@kommune.example.test`, role: 'technical' }],
          services: [{ code: SERVICE, environments: ['production', 'test'], legalBasis: 'lov', purpose: 'formål' }],
        }),
        `consumer ${i}`,
      );
      orgs.push(created.orgNumber);
    }
    // One outage over five hours, every municipality reporting again and again.
    const start = Date.now() - 6 * 3_600_000;
    const reports = Array.from({ length: REPORTS }, (_, i) => ({
      consumerOrgNumber: orgs[i % MUNICIPALITIES],
      receivedAt: new Date(start + i * 60_000).toISOString(),
      service: SERVICE,
      environment: 'production',
      category: 'incident',
      title: 'Alle oppslag gir 503 Service Unavailable',
      description: `Alle kall mot summert skattegrunnlag gir 503 (melding ${i + 1}).`,
      httpStatus: 503,
      errorCode: 'SSG-011',
    }));
    await ok(desk.api('POST', '/api/v1/reports/import', { reports }), 'import');
    const open = await ok(desk.api<Array<typeof incident>>('GET', '/api/v1/incidents'), 'queue');
    incident = open.sort((a, b) => b.reportCount - a.reportCount)[0];

    const { id: agentId, link } = await createStaffUser(desk, AGENT, 'Anne Agent', 'agent');
    const { id: operatorId } = await createStaffUser(desk, 'ola.drift@ks.example.test', 'Ola Drift', 'agent');
    for (const [name, member] of [
      ['Tilgang', agentId],
      ['Drift', operatorId],
    ]) {
      const group = await ok(desk.api<{ id: string }>('POST', '/api/v1/staff-groups', { name }), `group ${name}`);
      await ok(desk.api('POST', `/api/v1/staff-groups/${group.id}/members`, { staffId: member }), `member of ${name}`);
    }
    context = await browser.newContext({ baseURL: desk.base, viewport: SCREEN, locale: 'nb-NO' });
    page = await context.newPage();
    errors = watchForErrors(page);
    await setPasswordAndSignIn(page, link, AGENT, PASSWORD);
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await desk?.close();
  });

  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it('grouped the whole outage into one incident', () => {
    expect(incident).toMatchObject({ reportCount: REPORTS, consumerCount: MUNICIPALITIES });
  });

  it('shows the state and every action within the first screen at 1366 × 768', async () => {
    expect(await visit(page, `/incidents/${incident.id}`, 'incident-big')).toEqual([]);
    await expect(page.locator('[data-field="reportCount"]').textContent()).resolves.toBe(String(REPORTS));
    const actions = [
      page.getByRole('link', { name: 'Forhåndsvis og eskaler' }),
      page.locator('#action-triage > summary'),
      page.locator('#action-merge > summary'),
      page.locator('#action-resolve > summary'),
      page.getByRole('button', { name: 'Skill valgte meldinger ut i ny hendelse' }),
    ];
    for (const action of actions) {
      const box = (await action.boundingBox())!;
      expect(box).not.toBeNull();
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(SCREEN.height);
      expect(box.x + box.width).toBeLessThanOrEqual(SCREEN.width);
    }
  });

  it('folds the reports into one row per municipality, 25 a page', async () => {
    await page.goto(`/incidents/${incident.id}`);
    const groups = page.locator('#affected-consumers > details');
    await expect(groups.count()).resolves.toBe(25);
    await expect(page.locator('#affected-consumers > details[open]').count()).resolves.toBe(0);
    await expect(groups.first().locator('summary').textContent()).resolves.toContain('10 meldinger');
    await expect(page.getByText(`Viser 1–25 av ${MUNICIPALITIES} berørte kommuner`).count()).resolves.toBe(1);
    // Folded, the page is a few screens, not the 20 000 px of every report in full.
    expect(await page.evaluate<number>('document.documentElement.scrollHeight')).toBeLessThan(6 * SCREEN.height);

    await Promise.all([page.waitForURL(/\?page=2$/), page.getByRole('link', { name: 'Side 2' }).click()]);
    await expect(groups.count()).resolves.toBe(MUNICIPALITIES - 25);
    expect(await seriousAccessibilityProblems(page, 'incident-big-page-2')).toEqual([]);
  });

  it('opens a municipality to show its reports with their grouping decision and the move form', async () => {
    await page.goto(`/incidents/${incident.id}`);
    const group = page.locator('#affected-consumers > details').first();
    await openDetails(group.locator('summary'));
    const reports = group.locator('.app-report');
    await expect(reports.count()).resolves.toBe(REPORTS / MUNICIPALITIES);
    await expect(reports.first().getByRole('button', { name: 'Flytt' }).isVisible()).resolves.toBe(true);
    await expect(reports.first().locator('.app-match').textContent()).resolves.toMatch(/score \d,\d\d/);
    await screenshot(page, 'incident-big-open');
    expect(await seriousAccessibilityProblems(page, 'incident-big-open')).toEqual([]);
    // On a phone the panel of actions comes first and an opened municipality's reports fit the screen.
    expect(await phoneWidthProblems(page, 'incident-big-open')).toEqual([]);
  });

  it('links the newest report to its place on the page of its municipality', async () => {
    await page.goto(`/incidents/${incident.id}`);
    const newest = page.locator('#report-highlights li').nth(1).getByRole('link');
    const href = (await newest.getAttribute('href'))!;
    // The 300th report came from municipality 30, whose row is on the second page.
    expect(href).toMatch(new RegExp(`^/incidents/${incident.id}\\?page=2#report-[0-9a-f-]{36}$`));
    await Promise.all([page.waitForURL(/\?page=2#report-/), newest.click()]);
    const target = page.locator(new URL(href, desk.base).hash);
    await expect(target.isVisible()).resolves.toBe(true);
  });

  it('keeps triage one click away and saves it', async () => {
    await page.goto(`/incidents/${incident.id}`);
    await openDetails(page.locator('#action-triage > summary'));
    await page.getByLabel('Alvorlighet', { exact: true }).selectOption('critical');
    await Promise.all([page.waitForURL(/done=triaged/), page.getByRole('button', { name: 'Lagre vurdering' }).click()]);
    await expect(page.getByText('Alvorlighet: Kritisk', { exact: true }).count()).resolves.toBe(1);
  });

  it('offers only the chosen group’s members as assignee, and saves the assignment', async () => {
    await page.goto(`/incidents/${incident.id}`);
    await openDetails(page.locator('#action-assign > summary'));
    const offered = () => page.locator('#assign-assignee option:not([hidden])').allTextContents();
    await expect(offered()).resolves.toEqual(expect.arrayContaining(['Ingen', 'Anne Agent', 'Ola Drift']));
    await page.getByLabel('Gruppe', { exact: true }).selectOption({ label: 'Drift' });
    await expect(offered()).resolves.toEqual(['Ingen', 'Ola Drift']);
    await page.getByLabel('Saksbehandler', { exact: true }).selectOption({ label: 'Ola Drift' });
    // Another group: the assignee who is not a member there is no longer chosen.
    await page.getByLabel('Gruppe', { exact: true }).selectOption({ label: 'Tilgang' });
    await expect(offered()).resolves.toEqual(['Ingen', 'Anne Agent']);
    await expect(page.getByLabel('Saksbehandler', { exact: true }).inputValue()).resolves.toBe('');
    await page.getByLabel('Saksbehandler', { exact: true }).selectOption({ label: 'Anne Agent' });
    await Promise.all([page.waitForURL(/done=/), page.getByRole('button', { name: 'Lagre tildeling' }).click()]);
    await expect(page.locator('#incident-assignee').textContent()).resolves.toBe('Saksbehandler: Anne Agent');
  });

  it('holds the conversation: an internal note and a message to chosen municipalities, accessible and in Norwegian', async () => {
    await page.goto(`/incidents/${incident.id}`);
    await openDetails(page.locator('#write-note > summary'));
    await page.getByLabel('Notat', { exact: true }).fill('Leverandøren ser på saken.');
    await Promise.all([page.waitForURL(/done=note/), page.getByRole('button', { name: 'Lagre notat' }).click()]);
    await openDetails(page.locator('#write-municipalities > summary'));
    await page.getByLabel('Kommune nummer 2', { exact: true }).check();
    await page.locator('#municipalities-body').fill('Vi følger opp med Skatteetaten og melder fra.');
    await Promise.all([page.waitForURL(/done=message-municipalities/), page.getByRole('button', { name: 'Send til kommunene' }).click()]);
    const messages = page.locator('#conversation .app-conversation__message');
    await expect(messages.count()).resolves.toBe(2);
    await expect(messages.nth(0).textContent()).resolves.toContain('Bare for KS');
    await expect(messages.nth(1).textContent()).resolves.toContain('Til Kommune nummer 2 (1 adresse)');
    // The forms open, so their fields are checked too.
    await openDetails(page.locator('#write-municipalities > summary'));
    await openDetails(page.locator('#write-note > summary'));
    await screenshot(page, 'incident-conversation');
    expect(await seriousAccessibilityProblems(page, 'incident-conversation')).toEqual([]);
  });
});
