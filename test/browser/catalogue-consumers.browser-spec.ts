import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import {
  launchBrowser,
  openDetails,
  phoneWidthProblems,
  screenshot,
  seriousAccessibilityProblems,
  setPasswordAndSignIn,
  waitForCondition,
  waitForRefusal,
  watchForErrors,
} from './support/browser';
import { createStaffUser, DeskApp, startDeskApp } from './support/desk-app';

const EMAIL = 'kari.katalog@ks.example.test';
const PASSWORD = 'et-langt-og-godt-passord-2031';
const FIRST = 'Bilag 2 – 2026.1';
const SECOND = 'Bilag 2 – 2026.2';
const SSG = 'summert-skattegrunnlag';
const INNTEKT = 'inntekt';
const ORG_NUMBER = '974760673';
const CONSUMER = 'Nettleser kommune';

interface ServiceFields {
  code: string;
  name: string;
  scopes: string[];
  escalation: string[];
  security: string[];
}

describe('Bilag 2 and consumer pages in a browser', () => {
  let desk: DeskApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let firstVersionId: string;
  let consumerPath: string;

  /** Screenshot, axe and the one-h1 rule for the page as it is now. */
  async function checkPage(name: string): Promise<void> {
    await screenshot(page, name);
    expect(await seriousAccessibilityProblems(page, name)).toEqual([]);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  }

  /** Clicks something that navigates and waits for the page it leads to. */
  async function follow(target: Locator, url: RegExp): Promise<void> {
    await Promise.all([page.waitForURL(url), target.click()]);
  }

  async function fillService(form: Locator, s: ServiceFields): Promise<void> {
    await form.getByLabel('Kode', { exact: true }).fill(s.code);
    await form.getByLabel('Navn', { exact: true }).fill(s.name);
    await form.getByLabel('Maskinporten-scopes (én per linje)').fill(s.scopes.join('\n'));
    await form.getByLabel('Eskaleringsadresser hos Skatteetaten (én per linje)').fill(s.escalation.join('\n'));
    await form.getByLabel('Adresser for sikkerhetshendelser og personvernavvik (én per linje)').fill(s.security.join('\n'));
  }

  async function publishFromEditor(label: string): Promise<void> {
    await follow(page.getByRole('link', { name: 'Publiser …' }), /\/catalogue\/[0-9a-f-]{36}\/publish$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Publiser ${label}`);
  }

  async function confirmPublish(label: string): Promise<void> {
    await follow(page.getByRole('button', { name: `Ja, publiser ${label}` }), /\/catalogue\/[0-9a-f-]{36}\?published=1$/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Versjonen er publisert');
  }

  beforeAll(async () => {
    [desk, browser] = await Promise.all([startDeskApp(), launchBrowser()]);
    const { link } = await createStaffUser(desk, EMAIL, 'Kari Katalog', 'admin');
    context = await browser.newContext({ baseURL: desk.base, viewport: { width: 1280, height: 900 }, locale: 'nb-NO' });
    page = await context.newPage();
    errors = watchForErrors(page);
    await setPasswordAndSignIn(page, link, EMAIL, PASSWORD);
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await desk?.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it('creates the first Bilag 2 version with a service and publishes it', async () => {
    await page.goto('/');
    await follow(page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Bilag 2' }), /\/catalogue$/);
    await expect(page.getByText('Ingen publisert versjon gjelder i dag.').count()).resolves.toBe(1);
    await checkPage('catalogue-list-empty');

    await follow(page.getByRole('link', { name: 'Ny versjon' }), /\/catalogue\/new$/);
    await checkPage('catalogue-new');
    await page.getByLabel('Navn på versjonen').fill(FIRST);
    await page.getByLabel('Gjelder fra').fill('2026-01-01');
    await follow(page.getByRole('button', { name: 'Lag kladd' }), /\/catalogue\/[0-9a-f-]{36}\/edit$/);
    firstVersionId = /\/catalogue\/([0-9a-f-]{36})\//.exec(page.url())![1];
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(`Rediger ${FIRST}`);
    await checkPage('catalogue-editor-empty');

    // With no services yet, the form for a new one is already open.
    const newService = page.locator('#new-service');
    expect(await newService.getAttribute('open')).not.toBeNull();
    await fillService(newService, {
      code: SSG,
      name: 'Summert skattegrunnlag API',
      scopes: ['skatteetaten:summertskattegrunnlag'],
      escalation: ['ssg-drift@skatteetaten.example'],
      security: ['sikkerhet@skatteetaten.example'],
    });
    expect(await newService.getByLabel('Produksjon').isChecked()).toBe(true);
    expect(await newService.getByLabel('Test', { exact: true }).isChecked()).toBe(true);
    await follow(newService.getByRole('button', { name: 'Legg til tjenesten' }), /\/edit\?saved=service#service-summert-skattegrunnlag$/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Endringene er lagret.');
    await expect(page.getByRole('heading', { name: 'Tjenester (1)' }).count()).resolves.toBe(1);
    await checkPage('catalogue-editor');

    await publishFromEditor(FIRST);
    await expect(page.getByRole('status').textContent()).resolves.toContain('blir gjeldende straks');
    await checkPage('catalogue-publish');
    await confirmPublish(FIRST);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Gjeldende');
    const row = page.getByRole('row').filter({ hasText: SSG });
    await expect(row.textContent()).resolves.toContain('ssg-drift@skatteetaten.example');
    await checkPage('catalogue-version');
  });

  it('makes a new draft, changes a service, adds one, publishes it and shows the difference', async () => {
    await page.goto(`/catalogue/${firstVersionId}`);
    await follow(page.getByRole('button', { name: 'Ny kladd fra denne versjonen' }), /\/catalogue\/[0-9a-f-]{36}\/edit$/);
    expect(page.url()).not.toContain(firstVersionId);

    const details = page.locator('#details');
    await expect(details.getByLabel('Navn på versjonen').inputValue()).resolves.toBe(`${FIRST} (utkast)`);
    await details.getByLabel('Navn på versjonen').fill(SECOND);
    await follow(details.getByRole('button', { name: 'Lagre' }), /\/edit\?saved=details#details$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(`Rediger ${SECOND}`);

    const existing = page.locator(`#service-${SSG}`);
    await openDetails(existing.locator('summary'));
    await existing
      .getByLabel('Maskinporten-scopes (én per linje)')
      .fill('skatteetaten:summertskattegrunnlag\nskatteetaten:summertskattegrunnlag.utvidet');
    const escalationField = existing.getByLabel('Eskaleringsadresser hos Skatteetaten (én per linje)');
    // A refused save: the alert at the top leads to the service's form, whose summary leads into the field.
    await escalationField.fill('ssg-vakt@skatteetaten.example\nikke en adresse');
    // Saved from the keyboard: a click here was lost several times on a loaded machine (the form open and
    // filled, no post made); a key press does not depend on where the button is at that moment.
    await existing.getByRole('button', { name: `Lagre ${SSG}` }).press('Enter');
    const pointer = page.getByRole('alert').filter({ hasText: 'Se feilen i skjemaet' });
    await waitForRefusal(page, pointer);
    await pointer.getByRole('link').click();
    await existing
      .getByRole('alert')
      .getByRole('link', { name: /^Eskaleringsadresser.*, nr\. 2/ })
      .click();
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('s0-escalation');
    await expect(escalationField.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(errors.splice(0)).toEqual([expect.stringMatching(/Failed to load resource: .* 400/)]);
    await escalationField.fill('ssg-vakt@skatteetaten.example');
    await follow(existing.getByRole('button', { name: `Lagre ${SSG}` }), /\/edit\?saved=service#service-summert-skattegrunnlag$/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Endringene er lagret.');

    const newService = page.locator('#new-service');
    await openDetails(newService.locator('summary'));
    await fillService(newService, {
      code: INNTEKT,
      name: 'Inntekt API',
      scopes: ['skatteetaten:inntekt'],
      escalation: ['inntekt-drift@skatteetaten.example'],
      security: ['sikkerhet@skatteetaten.example'],
    });
    await newService.getByLabel('Produksjon').uncheck();
    await follow(newService.getByRole('button', { name: 'Legg til tjenesten' }), /\/edit\?saved=service#service-inntekt$/);
    await expect(page.getByRole('heading', { name: 'Tjenester (2)' }).count()).resolves.toBe(1);
    await checkPage('catalogue-editor-draft');

    await publishFromEditor(SECOND);
    await expect(page.getByText(`Mot ${FIRST}: 1 ny tjeneste, 0 fjernede tjenester og 1 endret tjeneste.`).count()).resolves.toBe(1);
    await checkPage('catalogue-publish-draft');
    await confirmPublish(SECOND);
    await checkPage('catalogue-version-second');

    const against = page.getByLabel('Sammenlign med');
    await expect(against.locator(`option[value="${firstVersionId}"]`).textContent()).resolves.toBe(`${FIRST} (Erstattet, fra 01.01.2026)`);
    await against.selectOption(firstVersionId);
    await follow(page.getByRole('button', { name: 'Vis endringer' }), /\/diff\?against=/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Endringer i ${SECOND}`);
    await checkPage('catalogue-diff');

    await expect(page.getByRole('heading', { name: 'Nye tjenester (1)' }).count()).resolves.toBe(1);
    const added = page.getByRole('table', { name: `Tjenester som bare finnes i ${SECOND}` });
    await expect(added.getByRole('rowheader').textContent()).resolves.toBe('Inntekt API inntekt');
    await expect(added.getByRole('row').nth(1).textContent()).resolves.toContain('Test');
    expect(await added.getByRole('row').nth(1).textContent()).not.toContain('Produksjon');
    await expect(page.getByRole('heading', { name: /^Fjernede tjenester/ }).count()).resolves.toBe(0);

    await expect(page.getByRole('heading', { name: `Endret: Summert skattegrunnlag API ${SSG}` }).count()).resolves.toBe(1);
    const changed = page.getByRole('table', { name: `Endrede felt i ${SSG}, før og etter` });
    expect(await changed.getByRole('rowheader').allTextContents()).toEqual(['Maskinporten-scopes', 'Eskaleringsadresser']);
    const scopes = changed.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Maskinporten-scopes' }) });
    expect(await scopes.locator('ins').allTextContents()).toEqual(['skatteetaten:summertskattegrunnlag.utvidet']);
    expect(await scopes.locator('del').count()).toBe(0);
    const escalation = changed.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Eskaleringsadresser' }) });
    expect(await escalation.locator('del').allTextContents()).toEqual(['ssg-drift@skatteetaten.example']);
    expect(await escalation.locator('ins').allTextContents()).toEqual(['ssg-vakt@skatteetaten.example']);
    // Screen readers mostly ignore <ins>/<del>, so each marked entry also says what happened to it.
    expect(await scopes.getByRole('listitem').allTextContents()).toEqual([
      'skatteetaten:summertskattegrunnlag',
      'skatteetaten:summertskattegrunnlag',
      'Lagt til: skatteetaten:summertskattegrunnlag.utvidet',
    ]);
    expect(await escalation.getByRole('listitem').allTextContents()).toEqual([
      'Fjernet: ssg-drift@skatteetaten.example',
      'Lagt til: ssg-vakt@skatteetaten.example',
    ]);

    await follow(page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Bilag 2' }), /\/catalogue$/);
    await expect(page.locator('.app-catalogue-now').textContent()).resolves.toContain(`${SECOND}, i kraft fra`);
    await checkPage('catalogue-list');
  });

  it('shows the field by its form name when the organisation number is invalid', async () => {
    await page.goto('/consumers/new');
    await page.getByLabel('Organisasjonsnummer').fill('123456789');
    await page.getByRole('group', { name: 'Organisasjon' }).getByLabel('Navn', { exact: true }).fill(CONSUMER);
    await page.getByRole('button', { name: 'Registrer konsument' }).click();
    const alert = page.getByRole('alert');
    await waitForRefusal(page, alert);
    await expect(alert.locator('p').textContent()).resolves.toBe('Skjemaet har feil. Rett feltene som er nevnt under.');
    await expect(alert.locator('li').allTextContents()).resolves.toEqual([
      'Organisasjonsnummer: Skriv et gyldig organisasjonsnummer: 9 siffer der det siste er kontrollsifferet.',
    ]);
    await expect(page.getByLabel('Organisasjonsnummer').inputValue()).resolves.toBe('123456789');
    await expect(page.getByRole('group', { name: 'Organisasjon' }).getByLabel('Navn', { exact: true }).inputValue()).resolves.toBe(
      CONSUMER,
    );
    await expect(
      page.getByRole('group', { name: 'Organisasjon' }).getByLabel('Navn', { exact: true }).getAttribute('aria-invalid'),
    ).resolves.toBeNull();
    await expect(page.getByLabel('Organisasjonsnummer').getAttribute('aria-invalid')).resolves.toBe('true');
    // The summary has the keyboard first; its entry leads into the field.
    await expect(page.evaluate("document.activeElement?.hasAttribute('data-error-summary')")).resolves.toBe(true);
    await alert.getByRole('link', { name: /^Organisasjonsnummer:/ }).click();
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('orgNumber');
    await checkPage('consumer-new-invalid');
    // The re-rendered form is a 400 document; Chromium notes that, and nothing else went wrong.
    expect(errors.splice(0)).toEqual([expect.stringMatching(/\/consumers: Failed to load resource: .* 400/)]);
  });

  it('registers a consumer through the form and shows every tab', async () => {
    await page.goto('/');
    await follow(page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Konsumenter' }), /\/consumers$/);
    await checkPage('consumer-list-empty');
    await follow(page.getByRole('link', { name: 'Ny konsument' }), /\/consumers\/new$/);
    await checkPage('consumer-new');

    await page.getByLabel('Organisasjonsnummer').fill(ORG_NUMBER);
    await page.getByRole('group', { name: 'Organisasjon' }).getByLabel('Navn', { exact: true }).fill(CONSUMER);
    const contact = page.getByRole('group', { name: 'Kontaktperson' });
    await contact.getByLabel('Navn', { exact: true }).fill('Tone Teknisk');
    await contact.getByLabel('E-post').fill('tone.teknisk@nettleser.kommune.example');
    expect(await contact.getByLabel('Rolle').inputValue()).toBe('technical');
    const services = page.getByRole('group', { name: 'Tjenester' });
    // Only what the version in force offers can be chosen.
    expect(await services.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.getAttribute('value')))).toEqual([
      SSG,
      INNTEKT,
      'production',
      'test',
    ]);
    // Chosen by the catalogue's name; what is posted is the code.
    await services.getByLabel('Summert skattegrunnlag API', { exact: true }).check();
    await services.getByLabel('Hjemmel').fill('barnehageloven § 19');
    await services.getByLabel('Formål').fill('redusert foreldrebetaling');
    await follow(page.getByRole('button', { name: 'Registrer konsument' }), /\/consumers\/[0-9a-f-]{36}\?done=saved$/);
    consumerPath = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`${CONSUMER} Aktiv`);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Lagret.');

    const tabs = page.getByRole('navigation', { name: 'Faner for konsumenten' });
    const expected: Array<[string, string, string, string]> = [
      ['Oversikt', '', 'Oversikt', 'Summert skattegrunnlag API (Bestilt)'],
      ['Kontakter', '/contacts', 'Kontakter', 'Teknisk'],
      ['Avtale', '/agreement', 'Konsumentavtale', 'Ingen avtale registrert.'],
      ['Tjenester', '/services', 'Tjenester', 'Lagre Summert skattegrunnlag API'],
      ['Påkobling', '/onboarding', 'Påkobling', 'Sjekkliste før påkobling'],
      ['API-nøkler', '/keys', 'API-nøkler', 'Ingen nøkler ennå.'],
      ['Historikk', '/history', 'Historikk', 'Konsument registrert'],
    ];
    for (const [tab, suffix, heading, content] of expected) {
      await follow(tabs.getByRole('link', { name: tab }), new RegExp(`${consumerPath}${suffix}$`));
      await expect(tabs.locator('[aria-current="page"]').textContent()).resolves.toBe(tab);
      await expect(page.getByRole('heading', { level: 2, name: heading, exact: true }).count()).resolves.toBe(1);
      await expect(page.locator('main').textContent()).resolves.toContain(content);
      await checkPage(`consumer-tab-${suffix.slice(1) || 'overview'}`);
    }
    await page.goto(`${consumerPath}/services`);
    await expect(page.getByLabel('Hjemmel').first().inputValue()).resolves.toBe('barnehageloven § 19');
    await page.goto(`${consumerPath}/contacts`);
    await expect(page.locator('input[type="email"]').first().inputValue()).resolves.toBe('tone.teknisk@nettleser.kommune.example');
    // A contact's row is one form across its columns: «Lagre» sends the fields in its row.
    const row = page.getByRole('row').filter({ has: page.locator('input[value="tone.teknisk@nettleser.kommune.example"]') });
    await row.getByLabel('Telefon').fill('+47 22 00 00 00');
    await follow(row.getByRole('button', { name: /^Lagre/ }), /\/contacts\?done=/);
    await expect(page.getByLabel('Telefon').first().inputValue()).resolves.toBe('+47 22 00 00 00');
  });

  it('finds the consumer in the list search and on the onboarding board', async () => {
    await page.goto('/consumers');
    await page.getByLabel('Søk (navn, org.nr., kommunenr., kontaktperson eller e-post)').fill(ORG_NUMBER);
    await follow(page.getByRole('button', { name: 'Søk', exact: true }), /\/consumers\?q=974760673/);
    const table = page.getByRole('table');
    await expect(page.getByRole('status').filter({ hasText: 'Viser 1–1 av 1 konsument' }).count()).resolves.toBe(1);
    await expect(table.getByRole('link', { name: CONSUMER }).getAttribute('href')).resolves.toBe(consumerPath);
    await checkPage('consumer-list-search');
    expect(await phoneWidthProblems(page, 'consumer-list-search')).toEqual([]);

    await page.getByLabel('Søk (navn, org.nr., kommunenr., kontaktperson eller e-post)').fill('finnes-ikke');
    await follow(page.getByRole('button', { name: 'Søk', exact: true }), /q=finnes-ikke/);
    await expect(table.getByRole('cell', { name: 'Ingen treff.' }).count()).resolves.toBe(1);

    await follow(page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Påkobling' }), /\/onboarding$/);
    const requested = page.getByRole('region', { name: 'Bestilt (1)' });
    await expect(requested.getByRole('link', { name: CONSUMER }).getAttribute('href')).resolves.toBe(
      `${consumerPath}/onboarding#service-${SSG}`,
    );
    await checkPage('onboarding-board');
  });

  it('previews a CSV import on an accessible page', async () => {
    await page.goto('/consumers');
    await follow(page.getByRole('link', { name: 'Importer fra CSV' }), /\/consumers\/import$/);
    await checkPage('consumer-import');
    const csv = [
      'orgNumber,name,kind,municipalityNumber,contactName,contactEmail,contactRole,services',
      `${ORG_NUMBER},${CONSUMER},kommune,,Tone Teknisk,tone.teknisk@nettleser.kommune.example,technical,${SSG}`,
      `974761076,Importert kommune,kommune,,Ivar Import,ivar@importert.kommune.example,technical,${INNTEKT}:test`,
      '123456789,Feil kommune,kommune,,,,,',
    ].join('\n');
    // The file picker reads the chosen file into the text field that the form posts.
    await page.getByLabel('Velg CSV-fil').setInputFiles({ name: 'kommuner.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await waitForCondition(page, `document.getElementById('csv').value.length === ${csv.length}`);
    expect(await page.getByLabel('CSV-innhold').inputValue()).toBe(csv);
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await page.getByRole('heading', { name: 'Forhåndsvisning' }).waitFor();
    const results = page.getByRole('table', { name: 'Hva hver rad i filen vil gjøre' }).getByRole('row');
    await expect(results.filter({ hasText: '974761076' }).textContent()).resolves.toContain('Ny');
    await expect(results.filter({ hasText: '123456789' }).textContent()).resolves.toContain('Feil');
    await checkPage('consumer-import-preview');
  });
});
