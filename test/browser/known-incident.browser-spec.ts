import type { Browser, BrowserContext, Page } from 'playwright-core';

import { launchBrowser, screenshot, seriousAccessibilityProblems, watchForErrors } from './support/browser';
import { DeskApp, orgNumber, startDeskApp } from './support/desk-app';

const SERVICE = 'summert-skattegrunnlag';

interface Consumer {
  id: string;
  name: string;
  email: string;
  key: string;
}

/**
 * A municipality writes about a problem KS already has as an open incident reported by several
 * municipalities: the check step shows the known problem, «Vi er også berørt» adds it to exactly
 * that incident, and a second click adds nothing.
 */
describe('a known problem in the portal report form', () => {
  let desk: DeskApp;
  let browser: Browser;
  let context: BrowserContext;
  let p: Page;
  let errors: string[] = [];
  let consumers: Consumer[];
  let incident: { id: string; reference: string };

  async function ok<T>(call: Promise<{ status: number; json: T }>, what: string): Promise<T> {
    const res = await call;
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }

  async function registerConsumer(seed: number, name: string): Promise<Consumer> {
    const email = `it-${seed}@kommune.example.test`;
    const created = await ok(
      desk.api<{ id: string }>('POST', '/api/v1/consumers', {
        orgNumber: orgNumber(seed * 1000),
        name,
        contacts: [{ name: `IT ${name}`, email, role: 'technical' }],
        services: [{ code: SERVICE, environments: ['production', 'test'], legalBasis: 'barnehageloven § 19', purpose: 'foreldrebetaling' }],
      }),
      `register ${name}`,
    );
    const key = await ok(desk.api<{ key: string }>('POST', `/api/v1/consumers/${created.id}/api-keys`), `key for ${name}`);
    return { id: created.id, name, email, key: key.key };
  }

  async function report(consumer: Consumer, title: string, description: string) {
    const res = await fetch(`${desk.base}/api/v1/reports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${consumer.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ service: SERVICE, environment: 'production', category: 'incident', title, description, httpStatus: 503 }),
    });
    if (res.status !== 201) throw new Error(`report from ${consumer.name}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { incidentId: string; incidentReference: string };
  }

  /** Municipalities affected, as staff see the incident. */
  async function affected(): Promise<number> {
    return (await ok(desk.api<{ consumerCount: number }>('GET', `/api/v1/incidents/${incident.id}`), 'incident')).consumerCount;
  }

  async function signIn(consumer: Consumer): Promise<void> {
    await p.goto('/portal/login');
    await p.getByLabel('E-postadresse').fill(consumer.email);
    await p.getByRole('button', { name: 'Send innloggingslenke' }).click();
    await p.getByRole('status').waitFor();
    const list = await ok(desk.api<Array<{ id: string; template: string; to: string[] }>>('GET', '/api/v1/outbox?limit=500'), 'outbox');
    const mail = list.find((m) => m.template === 'portal-sign-in' && m.to.includes(consumer.email))!;
    const message = await ok(desk.api<{ text: string }>('GET', `/api/v1/outbox/${mail.id}`), 'outbox message');
    const link = /https?:\/\/\S+\/portal\/login\/[^\s)>"]+/.exec(message.text)![0];
    await p.goto(link);
    await Promise.all([p.waitForURL((url) => url.pathname === '/portal'), p.getByRole('button', { name: 'Logg inn' }).click()]);
  }

  /** Writes a report in the form and goes on to the check step. */
  async function writeReport(): Promise<void> {
    await p.goto('/portal/reports/new');
    await p.getByLabel('Tjeneste').selectOption(SERVICE);
    await p.getByLabel('Produksjon', { exact: true }).check();
    await p.getByLabel('Feil – noe virker ikke som det skal').check();
    await p.getByLabel('Kort tittel').fill('Får ikke hentet skattegrunnlag');
    await p.getByLabel('Hva skjedde?').fill('Oppslagene våre feiler med 503 siden i morges.');
    await Promise.all([p.waitForURL('**/portal/reports/new/check'), p.getByRole('button', { name: 'Gå videre' }).click()]);
  }

  const known = () => p.getByRole('region', { name: 'Kjent feil' });

  beforeAll(async () => {
    [desk, browser] = await Promise.all([startDeskApp(), launchBrowser()]);
    const version = await ok(
      desk.api<{ id: string }>('POST', '/api/v1/catalogue/versions', {
        label: 'Bilag 2 – kjent feil',
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
    consumers = [
      await registerConsumer(401, 'Nordby kommune'),
      await registerConsumer(402, 'Sørvik kommune'),
      await registerConsumer(403, 'Østdal kommune'),
    ];
    const first = await report(consumers[0], 'Alle oppslag gir 503 Service Unavailable', 'Siden kl. 08.10 svarer API-et 503 på alle kall.');
    const second = await report(consumers[1], 'Alle oppslag gir 503 Service Unavailable', 'Alle kall mot summert skattegrunnlag gir 503.');
    expect(second.incidentId).toBe(first.incidentId);
    incident = { id: first.incidentId, reference: first.incidentReference };
    context = await browser.newContext({ baseURL: desk.base, viewport: { width: 1366, height: 900 }, locale: 'nb-NO' });
    p = await context.newPage();
    errors = watchForErrors(p);
    await signIn(consumers[2]);
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await desk?.close();
  });
  afterEach(() => expect(errors.splice(0)).toEqual([]));

  it('shows the known problem with its reference and count on the check step, and nothing of the others', async () => {
    expect(await affected()).toBe(2);
    await writeReport();
    await expect(known().locator('#known-incident-summary').textContent()).resolves.toBe(
      `KS kjenner til feilen (${incident.reference}), 2 kommuner berørt`,
    );
    await expect(known().textContent()).resolves.toContain('Gjelder: Summert skattegrunnlag API');
    const html = await p.content();
    for (const other of ['Nordby kommune', 'Sørvik kommune', 'Siden kl. 08.10']) expect(html).not.toContain(other);
    await screenshot(p, 'known-incident-check-1366');
    expect(await seriousAccessibilityProblems(p, 'known-incident-check-1366')).toEqual([]);
  });

  it('adds the municipality to exactly that incident with one click', async () => {
    await Promise.all([
      p.waitForURL(/\/portal\/reports\/[0-9a-f-]{36}\?joined=new$/),
      known().getByRole('button', { name: 'Vi er også berørt' }).click(),
    ]);
    await expect(p.locator('#joined-notice').textContent()).resolves.toContain(`Dere er registrert som berørt av ${incident.reference}.`);
    await expect(known().locator('#known-incident-summary').textContent()).resolves.toBe(
      `KS kjenner til feilen (${incident.reference}), 3 kommuner berørt`,
    );
    await expect(p.locator('#receipt-incident').textContent()).resolves.toContain(incident.reference);
    expect(await affected()).toBe(3);
    await screenshot(p, 'known-incident-joined-1366');
    expect(await seriousAccessibilityProblems(p, 'known-incident-joined-1366')).toEqual([]);
  });

  let joined: string;
  it('offers no second joining, which would drop what was written: the report can be sent as usual', async () => {
    joined = new URL(p.url()).pathname;
    await writeReport();
    await expect(known().textContent()).resolves.toContain('Dere har allerede meldt at dere er berørt av denne feilen.');
    await expect(known().getByRole('button', { name: 'Vi er også berørt' }).count()).resolves.toBe(0);
    await expect(p.getByRole('button', { name: /^Send meldingen/ }).isVisible()).resolves.toBe(true);
    expect(await affected()).toBe(3);
  });

  it('fits a phone: the check step and the report at 390 px', async () => {
    await p.setViewportSize({ width: 390, height: 844 });
    await writeReport();
    await screenshot(p, 'known-incident-check-390');
    expect(await seriousAccessibilityProblems(p, 'known-incident-check-390')).toEqual([]);
    const box = await known().boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await p.goto(`${joined}?joined=already`);
    await expect(p.locator('#joined-notice').textContent()).resolves.toContain('Ingen ny melding er lagt til.');
    await screenshot(p, 'known-incident-joined-390');
    expect(await seriousAccessibilityProblems(p, 'known-incident-joined-390')).toEqual([]);
    expect(await affected()).toBe(3);
  });

  it('sends the report when Enter is pressed in a field of the check step, not the joining offered above the form', async () => {
    await context.clearCookies();
    await signIn(await registerConsumer(404, 'Vestfjord kommune'));
    await writeReport();
    await expect(known().getByRole('button', { name: 'Vi er også berørt' }).isVisible()).resolves.toBe(true);
    await Promise.all([p.waitForURL(/\/portal\/reports\/[0-9a-f-]{36}\?received=1$/), p.getByLabel('Kort tittel').press('Enter')]);
    await expect(p.locator('#joined-notice').count()).resolves.toBe(0);
  });
});
