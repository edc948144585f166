import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import {
  launchBrowser,
  phoneWidthProblems,
  screenshot,
  seriousAccessibilityProblems,
  setPasswordAndSignIn,
  waitForRefusal,
  watchForErrors,
} from './support/browser';
import { createStaffUser, DeskApp, type OutboxSummary, startDeskApp } from './support/desk-app';

const EMAIL = 'nora.varsel@ks.example.test';
const PASSWORD = 'et-langt-og-godt-passord-2032';
const TITLE = 'Nytt format for skattepliktig inntekt';

describe('change notices in a browser', () => {
  let desk: DeskApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let noticePath: string;
  let feedHost: Server;
  let feedBase: string;

  /** Screenshot at 1366 px and at 390 px, axe and the one-h1 rule for the page as it is now. */
  async function checkPage(name: string): Promise<void> {
    await screenshot(page, name);
    expect(await seriousAccessibilityProblems(page, name)).toEqual([]);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await phoneWidthProblems(page, name)).toEqual([]);
  }

  async function follow(target: Locator, url: RegExp): Promise<void> {
    await Promise.all([page.waitForURL(url), target.click()]);
  }

  beforeAll(async () => {
    [desk, browser] = await Promise.all([startDeskApp({ NOTICE_FEED_ALLOWED_HOSTS: '127.0.0.1' }), launchBrowser()]);
    // Skatteetaten's operational messages, served as an RSS file; any other path is missing.
    feedHost = createServer((req, res) => {
      if (req.url !== '/driftsmeldinger.rss') return void res.writeHead(404).end();
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Driftsmeldinger</title><item><guid>d-1</guid>` +
            `<title>Ustabil Inntekt API i produksjon</title><link>https://status.example.test/d-1</link><category>inntekt</category>` +
            `<pubDate>${new Date().toUTCString()}</pubDate><description>Vi undersøker saken.</description></item></channel></rss>`,
        );
    });
    await new Promise<void>((resolve) => feedHost.listen(0, '127.0.0.1', () => resolve()));
    feedBase = `http://127.0.0.1:${(feedHost.address() as AddressInfo).port}`;
    const service = {
      name: 'Summert skattegrunnlag API',
      maskinportenScopes: ['skatteetaten:summertskattegrunnlag'],
      environments: ['production', 'test'],
      escalationEmails: ['ssg@ske.example.test'],
      securityEmails: ['sikkerhet@ske.example.test'],
    };
    const v = await desk.api<{ id: string }>('POST', '/api/v1/catalogue/versions', {
      label: 'Bilag 2 – 2026.1',
      effectiveFrom: '2026-01-01',
      services: [
        { code: 'summert-skattegrunnlag', ...service },
        { code: 'inntekt', ...service, name: 'Inntekt API' },
      ],
    });
    await desk.api('POST', `/api/v1/catalogue/versions/${v.json.id}/publish`);
    for (const [orgNumber, name, code] of [
      ['974760673', 'Oslo kommune', 'summert-skattegrunnlag'],
      ['938801363', 'Bergen kommune', 'summert-skattegrunnlag'],
      ['964338531', 'Tromsø kommune', 'inntekt'],
    ]) {
      const r = await desk.api('POST', '/api/v1/consumers', {
        orgNumber,
        name,
        contacts: [
          { name: 'Tekniker', email: `tech-${orgNumber}@kommune.example.test`, role: 'technical' },
          { name: 'Fagperson', email: `fag-${orgNumber}@kommune.example.test`, role: 'professional' },
        ],
        services: [{ code, environments: ['production'], legalBasis: 'Forskrift', purpose: 'Test' }],
      });
      if (r.status !== 201) throw new Error(`consumer ${name}: ${r.status}`);
    }
    const { link } = await createStaffUser(desk, EMAIL, 'Nora Varsel', 'agent');
    context = await browser.newContext({ baseURL: desk.base, viewport: { width: 1366, height: 900 }, locale: 'nb-NO' });
    page = await context.newPage();
    errors = watchForErrors(page);
    await setPasswordAndSignIn(page, link, EMAIL, PASSWORD);
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await desk?.close();
    await new Promise<void>((resolve) => (feedHost ? feedHost.close(() => resolve()) : resolve()));
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it('writes a notice with its own technical text and previews every recipient before sending', async () => {
    await page.goto('/');
    await follow(page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Endringsvarsler' }), /\/notices$/);
    await checkPage('notices-list-empty');
    await follow(page.getByRole('link', { name: 'Nytt endringsvarsel' }), /\/notices\/new$/);
    await checkPage('notices-new');
    await page.getByLabel('Tittel', { exact: true }).fill(TITLE);
    await page.getByLabel('Type', { exact: true }).selectOption('dataset-change');
    await page.getByLabel('Gjelder fra', { exact: true }).fill('2031-01-01T00:00');
    await page.getByLabel('Standardtekst', { exact: true }).fill('Feltet «skattepliktigInntekt» får nytt format fra inntektsåret 2031.');
    const links = page.getByLabel('Lenker (én per linje, «tittel | https://…»)');
    await links.fill('https://ske.example.test/dokumentasjon\nSkjema | ftp://ske.example.test/skjema.json');

    // Saved with no service, no environment and a link that is not a web address: the summary names
    // each, and each of its entries leads into its field.
    await page.getByRole('button', { name: 'Lagre kladd' }).click();
    const summary = page.getByRole('alert');
    await waitForRefusal(page, summary);
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      'Tjenester: Velg minst én tjeneste fra Bilag 2.',
      'Miljøer: Velg minst ett miljø.',
      'Lenker, nr. 2: Skriv én lenke per linje: en adresse som begynner med https://, eventuelt «tittel | https://…».',
    ]);
    await summary.getByRole('link', { name: /^Tjenester:/ }).click();
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('service-summert-skattegrunnlag');
    await summary.getByRole('link', { name: /^Lenker, nr\. 2:/ }).click();
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('links');
    await expect(links.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Tittel', { exact: true }).getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(page.getByLabel('Tittel', { exact: true }).inputValue()).resolves.toBe(TITLE);
    await checkPage('notices-new-invalid');
    // The re-rendered form is a 400 document; Chromium notes that, and nothing else went wrong.
    expect(errors.splice(0)).toEqual([expect.stringMatching(/\/notices: Failed to load resource: .* 400/)]);

    await links.fill('');
    await page.getByLabel('Summert skattegrunnlag API (summert-skattegrunnlag)').check();
    await page.getByLabel('Produksjon', { exact: true }).check();
    await page
      .getByLabel('Egen tekst til tekniske kontakter, i stedet for standardteksten (valgfritt)')
      .fill('Se JSON-skjemaet i API-dokumentasjonen.');
    await follow(page.getByRole('button', { name: 'Lagre kladd' }), /\/notices\/[0-9a-f-]{36}\?done=created$/);
    noticePath = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(TITLE);
    await expect(page.getByText('4 kontaktpersoner hos 2 konsumenter.').count()).resolves.toBe(1);
    await expect(page.getByText('tech-964338531@kommune.example.test').count()).resolves.toBe(0);
    await checkPage('notices-draft-preview');
  });

  it('sends it once and follows delivery and acknowledgement per consumer', async () => {
    // A mass e-mail asks first; declined, nothing is sent.
    const asked: string[] = [];
    page.once('dialog', (dialog) => void (asked.push(dialog.message()), dialog.dismiss()));
    await page.getByRole('button', { name: 'Send nå til 4 mottakere' }).click();
    expect(asked).toEqual(['Sende varselet nå til 4 mottakere? Sendt e-post kan ikke hentes tilbake.']);
    expect(page.url()).toMatch(/\/notices\/[0-9a-f-]{36}\?done=created$/);
    page.once('dialog', (dialog) => void dialog.accept());
    await follow(page.getByRole('button', { name: 'Send nå til 4 mottakere' }), /\?done=sent$/);
    const outbox = await desk.api<OutboxSummary[]>('GET', '/api/v1/outbox?limit=500');
    const notices = outbox.json.filter((m) => m.template === 'notice');
    expect(notices.flatMap((m) => m.to).sort()).toEqual([
      'fag-938801363@kommune.example.test',
      'fag-974760673@kommune.example.test',
      'tech-938801363@kommune.example.test',
      'tech-974760673@kommune.example.test',
    ]);
    const mail = await desk.api<{ text: string; html: string }>(
      'GET',
      `/api/v1/outbox/${notices.find((m) => m.to[0].startsWith('tech-974'))!.id}`,
    );
    expect(mail.json.text).toContain('Se JSON-skjemaet i API-dokumentasjonen.');
    // The e-mail as a phone shows it: its long acknowledgement link breaks instead of widening it.
    const reader = await context.newPage();
    await reader.setContent(mail.json.html);
    expect(await phoneWidthProblems(reader, 'notices-mail')).toEqual([]);
    await reader.close();
    const link = new URL(/(https?:\/\/\S+\/varsler\/kvittering\/\S+)/.exec(mail.json.text)![1]).pathname;

    // the recipient's link: a page with the buttons, in the bare layout
    const recipient = await context.newPage();
    const recipientErrors = watchForErrors(recipient);
    await recipient.goto(link);
    await screenshot(recipient, 'notices-ack');
    expect(await seriousAccessibilityProblems(recipient, 'notices-ack')).toEqual([]);
    expect(await phoneWidthProblems(recipient, 'notices-ack')).toEqual([]);
    await Promise.all([recipient.waitForLoadState('load'), recipient.getByRole('button', { name: 'Vi er klare for endringen' }).click()]);
    await expect(recipient.getByText(/Klar bekreftet/).count()).resolves.toBe(1);
    expect(recipientErrors).toEqual([]);
    await recipient.close();

    await page.goto(noticePath);
    await expect(page.getByText('4 e-poster til 2 konsumenter').count()).resolves.toBe(1);
    await expect(page.getByText(/1 konsumenter har lest, 1 er klare/).count()).resolves.toBe(1);
    await checkPage('notices-sent-dashboard');
    await page.goto('/notices');
    await expect(page.getByRole('link', { name: TITLE }).count()).resolves.toBe(1);
    await checkPage('notices-list');
  });

  it('reads an operational feed into an active message, shows a failing feed in words, and ends the message', async () => {
    await page.goto('/');
    await follow(
      page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Kilder og driftsmeldinger' }),
      /\/notice-feeds$/,
    );
    await checkPage('notice-feeds-empty');
    // Only an admin chooses the addresses the server reads; an agent reads them and ends messages.
    await expect(page.getByRole('button', { name: 'Legg til kilden' }).count()).resolves.toBe(0);
    for (const path of ['/driftsmeldinger.rss', '/borte.rss'])
      expect((await desk.api('POST', '/api/v1/notice-feeds', { url: `${feedBase}${path}`, kind: 'operational' })).status).toBe(201);
    await page.reload();
    await expect(page.getByRole('button', { name: /^Stopp / }).count()).resolves.toBe(0);
    await follow(page.getByRole('button', { name: `Les nå ${feedBase}/driftsmeldinger.rss` }), /done=feed-read$/);
    await follow(page.getByRole('button', { name: `Les nå ${feedBase}/borte.rss` }), /done=feed-failed$/);
    await expect(page.getByRole('link', { name: 'Ustabil Inntekt API i produksjon' }).count()).resolves.toBe(1);
    await expect(page.getByText('Kilden svarte med en feilstatus.').count()).resolves.toBe(1);
    await checkPage('notice-feeds');
    await follow(page.getByRole('button', { name: 'Avslutt' }), /done=message-ended$/);
    await expect(page.getByText('Ingen aktive driftsmeldinger.', { exact: false }).count()).resolves.toBe(1);
    await checkPage('notice-feeds-ended');
  });
});
