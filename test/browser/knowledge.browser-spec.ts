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
import { createStaffUser, type DeskApp, startDeskApp } from './support/desk-app';

const PASSWORD = 'et-langt-og-godt-passord-2030';
const AGENT = 'kari.kunnskap@ks.example.test';

describe('knowledge base in a browser: the public help pages and the editor with versions', () => {
  let desk: DeskApp;
  let browser: Browser;
  let pages: PageSet;

  beforeAll(async () => {
    [desk, browser] = await Promise.all([startDeskApp(), launchBrowser()]);
    pages = new PageSet(browser, desk.base);
  }, 240_000);

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await desk?.close();
  });

  afterEach(() => {
    expect(pages.takeErrors()).toEqual([]);
  });

  it('shows KS’s help to anyone: by category, searched in nynorsk, and one article', async () => {
    const p = await pages.open();
    expect(await visit(p, '/portal/hjelp', 'help-index')).toEqual([]);
    expect(await phoneWidthProblems(p, 'help-index')).toEqual([]);
    await expect(p.getByRole('heading', { name: 'Tilgang og delegering' }).isVisible()).resolves.toBe(true);

    await p.getByRole('searchbox', { name: 'Søk' }).fill('Kven er segmentansvarleg?');
    await Promise.all([p.waitForURL(/\/portal\/hjelp\?q=/), p.getByRole('button', { name: 'Søk' }).click()]);
    const first = p.locator('#help-hits li').first();
    await expect(first.textContent()).resolves.toContain('Hvem er segmentansvarlig, og hvem gjør hva?');
    expect(await seriousAccessibilityProblems(p, 'help-search')).toEqual([]);

    await Promise.all([p.waitForURL('**/portal/hjelp/hvem-er-segmentansvarlig'), first.getByRole('link').click()]);
    await expect(p.locator('h1').textContent()).resolves.toBe('Hvem er segmentansvarlig, og hvem gjør hva?');
    // The Markdown is rendered: its «## Kilder» is a heading, not text with hash marks.
    await expect(p.locator('.app-article-body').getByRole('heading', { level: 2, name: 'Kilder' }).isVisible()).resolves.toBe(true);
    await expect(p.locator('.app-article-body').textContent()).resolves.not.toContain('##');
    await screenshot(p, 'help-article');
    expect(await seriousAccessibilityProblems(p, 'help-article')).toEqual([]);
    expect(await phoneWidthProblems(p, 'help-article')).toEqual([]);
  });

  it('lets staff write an article with a preview, publish it, edit it and restore the first version', async () => {
    const { link } = await createStaffUser(desk, AGENT, 'Kari Kunnskap', 'agent');
    const p = await pages.open();
    await setPasswordAndSignIn(p, link, AGENT, PASSWORD);

    await Promise.all([p.waitForURL('**/knowledge-base'), p.getByRole('link', { name: 'Kunnskapsbase' }).click()]);
    await screenshot(p, 'knowledge-list');
    expect(await seriousAccessibilityProblems(p, 'knowledge-list')).toEqual([]);
    expect(await phoneWidthProblems(p, 'knowledge-list')).toEqual([]);

    await Promise.all([p.waitForURL('**/knowledge-base/new'), p.getByRole('link', { name: 'Ny artikkel' }).click()]);
    await p.getByLabel('Tittel', { exact: true }).fill('Oppslag gir tomt svar for nye innbyggere');
    await p.getByLabel('Kategori').selectOption('data');
    await p.getByLabel('Kort svar').fill('Personer som nettopp har flyttet til Norge har ofte ingen skattemelding ennå.');
    await p.getByLabel('Artikkel (Markdown)').fill('## Sjekkliste\n\n1. Sjekk inntektsåret.\n2. Be om dokumentasjon fra søkeren.');
    await p.getByLabel('Sjekkliste (ett punkt per linje)').fill('Inntektsåret er riktig\nSøkeren har levert dokumentasjon');
    await p.getByLabel('Eier').selectOption({ label: 'Kari Kunnskap' });
    await p.getByRole('button', { name: 'Forhåndsvis' }).click();
    await expect(p.locator('#preview').textContent()).resolves.toContain('Be om dokumentasjon fra søkeren.');
    await screenshot(p, 'knowledge-editor-preview');
    expect(await seriousAccessibilityProblems(p, 'knowledge-editor-preview')).toEqual([]);
    expect(await phoneWidthProblems(p, 'knowledge-editor-preview')).toEqual([]);

    await Promise.all([
      p.waitForURL(/\/knowledge-base\/[0-9a-f-]{36}\?done=created$/),
      p.getByRole('button', { name: 'Lagre kladd' }).click(),
    ]);
    await expect(p.getByRole('status').first().textContent()).resolves.toContain('Artikkelen er lagret som kladd.');
    await Promise.all([p.waitForURL(/\?done=published$/), p.getByRole('button', { name: 'Publiser' }).click()]);
    expect(await seriousAccessibilityProblems(p, 'knowledge-article')).toEqual([]);
    expect(await phoneWidthProblems(p, 'knowledge-article')).toEqual([]);

    await Promise.all([p.waitForURL(/\/edit$/), p.getByRole('link', { name: 'Rediger' }).click()]);
    await p.getByLabel('Artikkel (Markdown)').fill('## Sjekkliste\n\n1. Sjekk inntektsåret.\n2. Spør søkeren om lønnsslipper.');
    await Promise.all([p.waitForURL(/\?done=saved$/), p.getByRole('button', { name: 'Lagre ny versjon' }).click()]);
    await expect(p.locator('#versions tbody tr').count()).resolves.toBe(2);

    await Promise.all([p.waitForURL(/\/versions\/1$/), p.getByRole('link', { name: /versjon 1$/ }).click()]);
    await expect(p.locator('del').first().textContent()).resolves.toBe('2. Be om dokumentasjon fra søkeren.');
    await expect(p.locator('ins').first().textContent()).resolves.toBe('2. Spør søkeren om lønnsslipper.');
    await screenshot(p, 'knowledge-version-diff');
    expect(await seriousAccessibilityProblems(p, 'knowledge-version-diff')).toEqual([]);
    await Promise.all([p.waitForURL(/\?done=restored$/), p.getByRole('button', { name: 'Hent tilbake versjon 1' }).click()]);
    await expect(p.locator('#versions tbody tr').count()).resolves.toBe(3);

    const slug = 'oppslag-gir-tomt-svar-for-nye-innbyggere';
    expect(await visit(p, `/portal/hjelp/${slug}`, 'help-new-article')).toEqual([]);
    await expect(p.locator('.app-article-body').textContent()).resolves.toContain('Be om dokumentasjon fra søkeren.');
  });
});
