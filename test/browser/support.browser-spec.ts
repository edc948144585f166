import type { Browser, Page } from 'playwright-core';

import {
  launchBrowser,
  PageSet,
  phoneWidthProblems,
  screenshot,
  seriousAccessibilityProblems,
  setPasswordAndSignIn,
  signInThroughUi,
  visit,
} from './support/browser';
import { createStaffUser, DeskApp, expectOk, orgNumber, outbox, portalSignIn, startDeskApp } from './support/desk-app';

const SERVICE = 'inntekt';
const PASSWORD = 'et-langt-og-godt-passord-2030';
const AGENT = 'kari.kundestotte@ks.example.test';
const ADMIN = 'anne.admin@ks.example.test';
const GROUP = 'Juss og hjemmel';
const CONTACT = 'it@nordby.example.test';
const SUBJECT = 'Hvilken hjemmel gjelder for inntektsopplysninger til SFO?';
const NOTE = 'Intern merknad: sjekk avtalen til Nordby før vi svarer';
const ANSWER = 'Hjemmelen er forskrift om foreldrebetaling. Send oss gjerne vedtaket dere bygger på.';

describe('tickets in a browser: a municipality asks in the portal, staff answer in the admin UI', () => {
  let desk: DeskApp;
  let browser: Browser;
  let portal: Page;
  let ticketPath: string;
  let staff: Page;
  let staffTicketPath: string;
  let pages: PageSet;

  beforeAll(async () => {
    [desk, browser] = await Promise.all([startDeskApp(), launchBrowser()]);
    pages = new PageSet(browser, desk.base);
    const version = await expectOk(
      desk.api<{ id: string }>('POST', '/api/v1/catalogue/versions', {
        label: 'Bilag 2 – henvendelser',
        effectiveFrom: '2020-01-01',
        services: [
          {
            code: SERVICE,
            name: 'Inntekt API',
            maskinportenScopes: ['skatteetaten:inntekt'],
            environments: ['production', 'test'],
            escalationEmails: ['inntekt-drift@ske.example.test'],
            securityEmails: ['sikkerhet@ske.example.test'],
          },
        ],
      }),
      'catalogue',
    );
    await expectOk(desk.api('POST', `/api/v1/catalogue/versions/${version.id}/publish`), 'publish');
    await expectOk(
      desk.api('POST', '/api/v1/consumers', {
        orgNumber: orgNumber(7000),
        name: 'Nordby kommune',
        contacts: [{ name: 'Nina Nordby', email: CONTACT, role: 'technical' }],
        services: [
          { code: SERVICE, environments: ['production'], legalBasis: 'barnehageloven § 19', purpose: 'redusert foreldrebetaling' },
        ],
      }),
      'register Nordby',
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

  it('lets a municipality ask KS a question in the portal', async () => {
    portal = await portalSignIn(desk, await pages.open(), CONTACT);
    await Promise.all([portal.waitForURL('**/portal/tickets'), portal.getByRole('link', { name: 'Spørsmål til KS' }).click()]);
    expect(await seriousAccessibilityProblems(portal, 'portal-tickets-empty')).toEqual([]);
    await Promise.all([portal.waitForURL('**/portal/tickets/new'), portal.getByRole('link', { name: 'Still et spørsmål' }).click()]);
    await screenshot(portal, 'portal-ticket-form');
    expect(await seriousAccessibilityProblems(portal, 'portal-ticket-form')).toEqual([]);
    expect(await phoneWidthProblems(portal, 'portal-ticket-form')).toEqual([]);

    await portal.getByLabel('Hjemmel og rettigheter').check();
    await portal.getByLabel('Tjeneste (valgfritt)').selectOption(SERVICE);
    await portal.getByLabel('Emne').fill(SUBJECT);
    await portal.getByLabel('Spørsmålet').fill('Vi vil hente inntekt for å beregne foreldrebetaling i SFO. Hvilken hjemmel gjelder?');
    await Promise.all([portal.waitForURL('**/portal/tickets/new/check'), portal.getByRole('button', { name: 'Gå videre' }).click()]);
    await expect(portal.locator('#suggestions').isVisible()).resolves.toBe(true);
    await screenshot(portal, 'portal-ticket-check');
    expect(await seriousAccessibilityProblems(portal, 'portal-ticket-check')).toEqual([]);
    await Promise.all([
      portal.waitForURL(/\/portal\/tickets\/[0-9a-f-]{36}\?done=asked$/),
      portal.getByRole('button', { name: /^Send spørsmålet/ }).click(),
    ]);
    ticketPath = new URL(portal.url()).pathname;
    await expect(portal.getByRole('status').first().textContent()).resolves.toContain('Spørsmålet er sendt til KS.');
    await expect(portal.locator('#ticket-status').textContent()).resolves.toBe('Mottatt');
    await screenshot(portal, 'portal-ticket-asked');
    expect(await seriousAccessibilityProblems(portal, 'portal-ticket-asked')).toEqual([]);
  });

  it('lets staff find it, write an internal note and answer it', async () => {
    const { link } = await createStaffUser(desk, AGENT, 'Kari Kundestøtte', 'agent');
    const p = await pages.open();
    await setPasswordAndSignIn(p, link, AGENT, PASSWORD);

    await Promise.all([p.waitForURL('**/tickets'), p.getByRole('link', { name: 'Henvendelser', exact: true }).click()]);
    await screenshot(p, 'ticket-list');
    expect(await seriousAccessibilityProblems(p, 'ticket-list')).toEqual([]);
    expect(await phoneWidthProblems(p, 'ticket-list')).toEqual([]);
    await expect(p.getByRole('link', { name: /^Ikke tildelt/ }).textContent()).resolves.toContain('1');

    await Promise.all([p.waitForURL(/\/tickets\/[0-9a-f-]{36}$/), p.locator('#ticket-list').getByRole('link', { name: /^HV-/ }).click()]);
    await expect(p.locator('h1').textContent()).resolves.toContain(SUBJECT);
    [staff, staffTicketPath] = [p, new URL(p.url()).pathname];

    await p.getByLabel('Melding').fill(NOTE);
    await Promise.all([p.waitForURL(/\?done=noted$/), p.getByRole('button', { name: 'Lagre intern merknad' }).click()]);
    await expect(p.locator('[data-visibility="internal"]').textContent()).resolves.toContain(NOTE);

    await p.getByLabel('Melding').fill(ANSWER);
    await p.getByLabel('Status etter svaret').selectOption('waiting_on_consumer');
    await Promise.all([p.waitForURL(/\?done=answered$/), p.getByRole('button', { name: 'Send svar' }).click()]);
    await expect(p.locator('#ticket-status').textContent()).resolves.toBe('Venter på kommunen');
    await expect(p.locator('[data-visibility="public"]').last().textContent()).resolves.toContain(ANSWER);
    await screenshot(p, 'ticket-answered');
    expect(await seriousAccessibilityProblems(p, 'ticket-answered')).toEqual([]);
    expect(await phoneWidthProblems(p, 'ticket-answered')).toEqual([]);

    const replies = (await outbox(desk)).filter((m) => m.template === 'ticket-reply');
    expect(replies.map((m) => m.to)).toEqual([[CONTACT]]);
    const mail = await expectOk(desk.api<{ text: string; html: string }>('GET', `/api/v1/outbox/${replies[0].id}`), 'reply mail');
    expect(mail.text).toContain(ANSWER);
    expect(`${mail.text}${mail.html}`).not.toContain('sjekk avtalen');
  });

  it('shows the municipality the answer, never the note, and opens the ticket again on its reply', async () => {
    // The start page says KS waits for the municipality's answer, and leads there.
    expect(await visit(portal, '/portal', 'portal-home-waiting')).toEqual([]);
    expect(await phoneWidthProblems(portal, 'portal-home-waiting')).toEqual([]);
    const waiting = portal.getByRole('region', { name: 'Venter på dere' });
    await expect(waiting.getByRole('listitem').first().textContent()).resolves.toContain(SUBJECT);
    await Promise.all([portal.waitForURL(`**${ticketPath}`), waiting.getByRole('link').first().click()]);
    await screenshot(portal, 'portal-ticket-answered');
    expect(await seriousAccessibilityProblems(portal, 'portal-ticket-answered')).toEqual([]);
    const main = (await portal.locator('main').textContent()) ?? '';
    expect(main).toContain(ANSWER);
    expect(main).not.toContain('sjekk avtalen');
    expect(main).not.toContain(AGENT);
    await expect(portal.locator('#ticket-status').textContent()).resolves.toBe('Venter på svar fra dere');
    expect(await phoneWidthProblems(portal, 'portal-ticket-answered')).toEqual([]);

    await portal.getByRole('textbox', { name: 'Melding' }).fill('Takk! Vedtaket kommer i neste melding.');
    await Promise.all([portal.waitForURL(/\?done=replied$/), portal.getByRole('button', { name: 'Send' }).click()]);
    await expect(portal.locator('#ticket-status').textContent()).resolves.toBe('KS ser på saken');
    await screenshot(portal, 'portal-ticket-replied');
    expect(await seriousAccessibilityProblems(portal, 'portal-ticket-replied')).toEqual([]);
  });

  it('lets an admin set up an assignment group, and staff give the ticket to it and its member', async () => {
    const { link } = await createStaffUser(desk, ADMIN, 'Anne Administrator', 'admin');
    const admin = await pages.open();
    await setPasswordAndSignIn(admin, link, ADMIN, PASSWORD);
    await Promise.all([admin.waitForURL('**/staff-groups'), admin.getByRole('link', { name: 'Grupper', exact: true }).click()]);
    expect(await seriousAccessibilityProblems(admin, 'staff-groups-empty')).toEqual([]);

    await admin.locator('#new-name').fill(GROUP);
    await admin.locator('#new-description').fill('Spørsmål om hjemmel, formål og avtaler');
    await admin.getByLabel('Hjemmel og rettigheter').check();
    await Promise.all([admin.waitForURL(/\?done=created$/), admin.getByRole('button', { name: 'Opprett gruppe' }).click()]);
    await admin.getByLabel(`Nytt medlem av ${GROUP}`).selectOption({ label: 'Kari Kundestøtte' });
    await Promise.all([admin.waitForURL(/\?done=member-added$/), admin.getByRole('button', { name: 'Legg til' }).click()]);
    const section = admin.getByRole('region', { name: new RegExp(`^${GROUP}`) });
    await expect(section.locator('dl').textContent()).resolves.toMatch(/Hjemmel og rettigheter[\s\S]*Kari Kundestøtte/);
    await screenshot(admin, 'staff-groups');
    expect(await seriousAccessibilityProblems(admin, 'staff-groups')).toEqual([]);
    expect(await phoneWidthProblems(admin, 'staff-groups')).toEqual([]);
    await admin.goto('/staff');
    await expect(admin.getByRole('row', { name: new RegExp(AGENT) }).textContent()).resolves.toContain(GROUP);

    const p = staff;
    await p.goto(staffTicketPath);
    await p.getByLabel('Gruppe', { exact: true }).selectOption({ label: GROUP });
    await p.getByLabel('Saksbehandler', { exact: true }).selectOption({ label: 'Kari Kundestøtte' });
    const update = p.locator(`form[action="${staffTicketPath}/update"]`);
    await Promise.all([p.waitForURL(/\?done=updated$/), update.getByRole('button', { name: 'Lagre' }).click()]);
    const facts = (await p.locator('main dl').first().textContent()) ?? '';
    expect(facts).toMatch(new RegExp(`Gruppe\\s*${GROUP}`));
    expect(facts).toMatch(/Saksbehandler\s*Kari Kundestøtte/);
    await expect(p.locator('main').textContent()).resolves.toContain(`Gruppe endret: ${GROUP}`);
    await screenshot(p, 'ticket-in-group');
    expect(await seriousAccessibilityProblems(p, 'ticket-in-group')).toEqual([]);

    await p.goto('/tickets');
    await expect(p.getByRole('link', { name: /^Mine grupper/ }).textContent()).resolves.toContain('1');
    await Promise.all([p.waitForURL('**/tickets?group=mine'), p.getByRole('link', { name: /^Mine grupper/ }).click()]);
    await expect(p.locator('#ticket-list tbody tr').count()).resolves.toBe(1);
    expect(await seriousAccessibilityProblems(p, 'ticket-list-my-groups')).toEqual([]);
  });

  it("shows on the ticket's activity what happened on the items it is linked to, each named and linked", async () => {
    const imported = await expectOk(
      desk.api<{ results: Array<{ reference: string; incidentId: string; incidentReference: string }> }>('POST', '/api/v1/reports/import', {
        reports: [
          {
            consumerOrgNumber: orgNumber(7000),
            receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
            service: SERVICE,
            environment: 'production',
            category: 'incident',
            title: 'Inntekt gir 503 for alle oppslag',
            description: 'Alle oppslag mot inntekt gir 503 fra i går.',
          },
        ],
      }),
      'import',
    );
    const [report] = imported.results;
    const consumers = await expectOk(
      desk.api<{ items: Array<{ id: string; orgNumber: string }> }>('GET', '/api/v1/consumers'),
      'consumers',
    );
    const nordby = consumers.items.find((c) => c.orgNumber === orgNumber(7000))!;
    await expectOk(desk.api('POST', `/api/v1/consumers/${nordby.id}/onboarding/${SERVICE}/advance`, { to: 'qualified' }), 'onboarding');

    const p = await pages.open();
    await signInThroughUi(p, AGENT, PASSWORD);
    await p.goto(ticketPath.replace('/portal', ''));
    for (const [kind, reference] of [
      ['Melding', report.reference],
      ['Påkobling', orgNumber(7000)],
    ]) {
      await p.getByLabel('Koble til').selectOption({ label: kind });
      await p.getByLabel('Referanse eller organisasjonsnummer').fill(reference);
      await Promise.all([p.waitForURL(/\?done=linked$/), p.getByRole('button', { name: 'Koble', exact: true }).click()]);
    }
    const activity = p.locator('section[aria-labelledby="h-timeline"]');
    const linked = activity.locator('li[data-activity-source="linked"]');
    await expect(
      linked
        .filter({ hasText: 'Meldingen kom inn' })
        .getByRole('link', { name: `Melding ${report.reference}` })
        .getAttribute('href'),
    ).resolves.toBe(`/incidents/${report.incidentId}`);
    await expect(linked.filter({ hasText: `Meldingen åpnet hendelse ${report.incidentReference}` }).count()).resolves.toBe(1);
    await expect(linked.filter({ hasText: 'påkoblingen gikk til «Kvalifisert»' }).getByRole('link').getAttribute('href')).resolves.toBe(
      `/consumers/${nordby.id}`,
    );
    // The ticket's own events stay unmarked, and the linked ones come before them: they happened earlier.
    await expect(activity.locator('li[data-activity-source="ticket"]').first().textContent()).resolves.toContain('Henvendelsen kom inn');
    await expect(activity.locator('li').first().getAttribute('data-activity-source')).resolves.toBe('linked');
    await screenshot(p, 'ticket-activity');
    expect(await seriousAccessibilityProblems(p, 'ticket-activity')).toEqual([]);
    expect(await phoneWidthProblems(p, 'ticket-activity')).toEqual([]);
  });
});
