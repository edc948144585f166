import type { Browser, BrowserContext, Page } from 'playwright-core';

import {
  launchBrowser,
  phoneWidthProblems,
  screenshot,
  seriousAccessibilityProblems,
  setPasswordAndSignIn,
  waitForCondition,
  watchForErrors,
} from './support/browser';
import { createStaffUser, DeskApp, orgNumber, startDeskApp } from './support/desk-app';

const PASSWORD = 'et-langt-og-godt-passord-2031';
const VIEWER = 'vera.viewer@ks.example.test';
const SERVICES = [
  ['summert-skattegrunnlag', 'Summert skattegrunnlag API'],
  ['inntekt', 'Inntekt API'],
  ['skatteoppgjor', 'Skatteoppgjør'],
];
const DAY = 86_400_000;

/** Every chart on the page drawn by Chart.js (it keeps a chart per canvas). */
const CHARTS_DRAWN = `(() => {
  const canvases = [...document.querySelectorAll('canvas[data-chart]')];
  return canvases.length > 0 && canvases.every((c) => window.Chart && window.Chart.getChart(c));
})()`;

describe('the statistics page in a browser', () => {
  let desk: DeskApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[] = [];
  let topArticle = '';

  async function ok<T>(call: Promise<{ status: number; json: T }>, what: string): Promise<T> {
    const res = await call;
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }

  beforeAll(async () => {
    [desk, browser] = await Promise.all([startDeskApp(), launchBrowser()]);
    const version = await ok(
      desk.api<{ id: string }>('POST', '/api/v1/catalogue/versions', {
        label: 'Bilag 2 – statistikk',
        effectiveFrom: '2020-01-01',
        services: SERVICES.map(([code, name]) => ({
          code,
          name,
          maskinportenScopes: [`skatteetaten:${code}`],
          environments: ['production', 'test'],
          escalationEmails: ['drift@ske.example.test'],
          securityEmails: ['sikkerhet@ske.example.test'],
        })),
      }),
      'catalogue',
    );
    await ok(desk.api('POST', `/api/v1/catalogue/versions/${version.id}/publish`), 'publish');
    const orgs: string[] = [];
    for (const [i, name] of ['Alta kommune', 'Bodø kommune', 'Hamar kommune', 'Molde kommune'].entries()) {
      const created = await ok(
        desk.api<{ orgNumber: string }>('POST', '/api/v1/consumers', {
          orgNumber: orgNumber(5000 + i * 100),
          name,
          contacts: [{ name: 'IT', email: `it-${i}@kommune.example.test`, role: 'technical' }],
          services: SERVICES.map(([code]) => ({ code, environments: ['production'], legalBasis: 'lov', purpose: 'formål' })),
        }),
        name,
      );
      orgs.push(created.orgNumber);
    }
    // Ten weeks of reports: distinct problems on each service, from each municipality in turn.
    const topics = ['beløp for mars', 'fødselsår i svaret', 'manglende stadie', 'feil inntektsår', 'tomt svar for utkast'];
    const reports = Array.from({ length: 24 }, (_, i) => ({
      consumerOrgNumber: orgs[i % orgs.length],
      receivedAt: new Date(Date.now() - (70 - i * 3) * DAY).toISOString(),
      service: SERVICES[i % SERVICES.length][0],
      environment: 'production',
      category: i % 4 === 0 ? 'incident' : 'deviation',
      title: `Sak ${i + 1}: ${topics[i % topics.length]}`,
      description: `Sak ${i + 1} gjelder ${topics[i % topics.length]} i svaret for inntektsåret ${2010 + i}.`,
    }));
    const imported = await ok(
      desk.api<{ results: Array<{ incidentId: string }> }>('POST', '/api/v1/reports/import', { reports }),
      'import',
    );
    await ok(desk.api('POST', `/api/v1/incidents/${imported.results[imported.results.length - 1].incidentId}/escalate`), 'escalate');
    const notice = await ok(
      desk.api<{ id: string }>('POST', '/api/v1/notices', {
        title: 'Nytt format for skattepliktig inntekt',
        body: 'Feltet endres.',
        services: ['inntekt'],
        environments: ['production'],
        effectiveAt: new Date(Date.now() + 60 * DAY).toISOString(),
      }),
      'notice',
    );
    await ok(desk.api('POST', `/api/v1/notices/${notice.id}/send`), 'send notice');
    // A question to KS, answered at once: the support panels have something to draw.
    const ticket = await ok(
      desk.api<{ id: string }>('POST', '/api/v1/tickets', {
        subject: 'Tilgang',
        body: 'Hva mangler vi?',
        category: 'access',
        service: 'inntekt',
      }),
      'ticket',
    );
    await ok(desk.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: 'Dere trenger rollen.' }), 'answer');
    // Two portal forms were shown suggestions; one was solved by the first article: a deflection rate of 50 %.
    const [article] = await ok(
      desk.api<Array<{ id: string; title: string }>>(
        'GET',
        `/api/v1/knowledge/suggestions?q=${encodeURIComponent('delegering i Altinn mangler')}`,
      ),
      'suggestions',
    );
    for (const [kind, session, channel] of [
      ['shown', 'skjema-browser-1', 'report'],
      ['helped', 'skjema-browser-1', 'report'],
      ['shown', 'skjema-browser-2', 'ticket'],
    ])
      await ok(desk.api('POST', '/api/v1/knowledge/deflections', { articleId: article.id, kind, session, channel }), 'deflection');
    topArticle = article.title;

    const { link } = await createStaffUser(desk, VIEWER, 'Vera Viewer', 'viewer');
    // People who ask their system for less motion: the charts must not animate.
    context = await browser.newContext({
      baseURL: desk.base,
      viewport: { width: 1366, height: 900 },
      locale: 'nb-NO',
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
    errors = watchForErrors(page);
    await setPasswordAndSignIn(page, link, VIEWER, PASSWORD);
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await desk?.close();
  });

  afterEach(() => {
    // Console errors include CSP violations: Chart.js must draw without inline script or style.
    expect(errors.splice(0)).toEqual([]);
  });

  it('opens from the menu and draws every chart, without animation for those who asked for less motion', async () => {
    await page.goto('/');
    await Promise.all([page.waitForURL('**/statistics'), page.getByRole('link', { name: 'Statistikk' }).click()]);
    await waitForCondition(page, CHARTS_DRAWN);
    const charts = (await page.evaluate(`[...document.querySelectorAll('canvas[data-chart]')].map((c) => {
      const chart = window.Chart.getChart(c);
      return { label: c.getAttribute('aria-label'), animation: chart.options.animation, width: c.width, bars: chart.getDatasetMeta(0).data.length };
    })`)) as Array<{ label: string; animation: unknown; width: number; bars: number }>;
    expect(charts.map((c) => c.label.split('.')[0])).toEqual([
      'Meldinger per uke etter tjeneste',
      'Meldinger per uke etter kategori',
      'Åpne hendelser etter status og alder',
      'Kommuner med flest åpne hendelser',
      'Eskaleringer til Skatteetaten per uke',
      'Åpne henvendelser etter status og alder',
      'Tjenestenivå per uke',
      'Henvendelser per uke etter tjeneste',
      'Henvendelser per uke etter hva de gjelder',
      'Løst av kunnskapsbasen per uke',
      'Artiklene som løste flest saker',
      'Påkobling',
      'Kvittering på endringsvarsler',
    ]);
    for (const c of charts) {
      expect(c.animation).toBe(false);
      expect(c.width).toBeGreaterThan(0);
      expect(c.bars).toBeGreaterThan(0);
    }
    expect(charts[0].bars).toBe(12);
    await screenshot(page, 'statistics');
    expect(await seriousAccessibilityProblems(page, 'statistics')).toEqual([]);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  });

  it('folds each table away once its chart is drawn, and opens it with the same numbers', async () => {
    const panel = page.locator('section[data-chart-panel]', { has: page.getByRole('heading', { name: 'Påkobling' }) });
    const table = panel.getByRole('table', { name: 'Påkobling' });
    expect(await table.isVisible()).toBe(false);
    await panel.getByText('Vis tallene som tabell').click();
    expect(await table.isVisible()).toBe(true);
    expect(
      await table
        .getByRole('row', { name: /Registrert/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['4', '0']);
    const byService = page.locator('section[data-chart-panel]', {
      has: page.getByRole('heading', { name: 'Meldinger per uke etter tjeneste' }),
    });
    await byService.getByText('Vis tallene som tabell').click();
    const weekly = byService.getByRole('table', { name: 'Meldinger per uke etter tjeneste' });
    expect(await weekly.getByRole('row').count()).toBe(13);
    expect(await weekly.getByRole('columnheader').allTextContents()).toEqual([
      'Uke',
      'Inntekt API',
      'Skatteoppgjør',
      'Summert skattegrunnlag API',
      'Sum',
    ]);
    await screenshot(page, 'statistics-table');
    expect(await seriousAccessibilityProblems(page, 'statistics-table')).toEqual([]);
  });

  it('shows the deflection rate per week and the article that solved most, each with its table', async () => {
    await page.goto('/statistics');
    await waitForCondition(page, CHARTS_DRAWN);
    const rate = page.locator('section[data-chart-panel]', { has: page.getByRole('heading', { name: 'Løst av kunnskapsbasen per uke' }) });
    await expect(rate.getByText(/^Avvisningsraten er andelen av utfylte skjemaer/).count()).resolves.toBe(1);
    await rate.getByText('Vis tallene som tabell').click();
    const weekly = rate.getByRole('table', { name: 'Løst av kunnskapsbasen per uke' });
    expect(await weekly.getByRole('row').count()).toBe(13);
    expect(await weekly.getByRole('row').last().getByRole('cell').allTextContents()).toEqual(['1 av 2 (50\u00a0%)']);
    const top = page.locator('section[data-chart-panel]', { has: page.getByRole('heading', { name: 'Artiklene som løste flest saker' }) });
    await top.getByText('Vis tallene som tabell').click();
    const articles = top.getByRole('table', { name: 'Artiklene som løste flest saker' });
    expect(await articles.getByRole('columnheader').allTextContents()).toEqual(['Artikkel', 'Løste saken', 'Vist', 'Andel']);
    expect(await articles.getByRole('row', { name: topArticle }).getByRole('cell').allTextContents()).toEqual(['1', '2', '50\u00a0%']);
    await screenshot(page, 'statistics-deflection');
    expect(await seriousAccessibilityProblems(page, 'statistics-deflection')).toEqual([]);
  });

  it('fits a phone: the panels one under the other, nothing wider than the screen', async () => {
    await page.goto('/statistics');
    await waitForCondition(page, CHARTS_DRAWN);
    expect(await phoneWidthProblems(page, 'statistics')).toEqual([]);
  });
});
