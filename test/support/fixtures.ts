import type { CatalogueServiceInput } from '@domain/catalogue';

import { bearer, TestApp } from './test-app';

export const SKE = 'ske.example.test';

/** A valid organisation number (mod 11) built from an 8-digit seed. */
export function orgNumber(seed: number): string {
  for (let n = seed; ; n++) {
    const base = String(80_000_000 + (n % 19_999_999)).padStart(8, '0');
    const w = [3, 2, 7, 6, 5, 4, 3, 2];
    const sum = w.reduce((a, x, i) => a + x * Number(base[i]), 0);
    const c = 11 - (sum % 11);
    const check = c === 11 ? 0 : c;
    if (check !== 10) return base + check;
  }
}

/**
 * A national identity number with valid check digits: the first control digit leaving the
 * given remainder (0 = today's rule; 1–3 = valid only under the rule for numbers from 2032).
 */
export function nationalId(first9: string, remainder = 0): string {
  const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  // Not every individual number has valid check digits: step the last one until it does.
  for (let step = 0; step < 1000; step++) {
    const base = first9.slice(0, 6) + String((Number(first9.slice(6)) + step) % 1000).padStart(3, '0');
    for (let k1 = 0; k1 <= 9; k1++) {
      const s1 = w1.reduce((a, w, i) => a + w * Number(base[i]), 0) + k1;
      if (s1 % 11 !== remainder) continue;
      const ten = base + k1;
      const s2 = w2.reduce((a, w, i) => a + w * Number(ten[i]), 0);
      const k2 = (11 - (s2 % 11)) % 11;
      if (k2 !== 10) return ten + k2;
    }
  }
  throw new Error(`no valid number for ${first9}/${remainder}`);
}

/** A Bilag 2 service with a scope and addresses derived from its code; `over` replaces any field. */
export function catalogueService(code: string, over: Partial<CatalogueServiceInput> = {}): CatalogueServiceInput {
  return {
    code,
    name: `Tjeneste ${code}`,
    maskinportenScopes: [`skatteetaten:${code.replace(/-/g, '')}`],
    environments: ['production', 'test'],
    escalationEmails: [`${code}@${SKE}`],
    securityEmails: [`sikkerhet@${SKE}`],
    // Each service has its own Altinn resource to delegate, as in Bilag 2.
    altinnResource: `Tjeneste ${code} – På vegne av`,
    ...over,
  };
}

/** Publishes a catalogue version in force since 2020 with these services (`over` changes some of them). */
export async function publishCatalogue(
  t: TestApp,
  codes: string[],
  over: Record<string, Partial<CatalogueServiceInput>> = {},
): Promise<void> {
  const body = { label: 'test-catalogue', effectiveFrom: '2020-01-01', services: codes.map((code) => catalogueService(code, over[code])) };
  const created = await t.http.post('/api/v1/catalogue/versions').set(bearer(t.adminToken)).send(body);
  if (created.status !== 201) throw new Error(`catalogue: ${created.status} ${created.text}`);
  const published = await t.http.post(`/api/v1/catalogue/versions/${created.body.id}/publish`).set(bearer(t.adminToken));
  if (published.status >= 300) throw new Error(`publish: ${published.status} ${published.text}`);
}

export interface RegisteredConsumer {
  id: string;
  orgNumber: string;
  key: string;
  emails: string[];
}

/** A consumer with a technical and a professional contact of its own, and any `sharedContacts` (listed last in `emails`). */
export async function registerConsumer(
  t: TestApp,
  seed: number,
  codes: string[],
  sharedContacts: Array<{ name: string; email: string; role: string }> = [],
): Promise<RegisteredConsumer> {
  const org = orgNumber(seed);
  const emails = [`tech-${org}@kommune.example.test`, `fag-${org}@kommune.example.test`, ...sharedContacts.map((c) => c.email)];
  const res = await t.http
    .post('/api/v1/consumers')
    .set(bearer(t.adminToken))
    .send({
      orgNumber: org,
      name: `Kommune ${seed}`,
      contacts: [
        { name: 'Teknisk', email: emails[0], role: 'technical' },
        { name: 'Faglig', email: emails[1], role: 'professional' },
        ...sharedContacts,
      ],
      services: codes.map((code) => ({ code, environments: ['production', 'test'], legalBasis: 'test', purpose: 'test' })),
    });
  if (res.status !== 201) throw new Error(`consumer: ${res.status} ${res.text}`);
  const key = await t.http.post(`/api/v1/consumers/${res.body.id}/api-keys`).set(bearer(t.adminToken));
  if (key.status !== 201) throw new Error(`key: ${key.status} ${key.text}`);
  return { id: res.body.id, orgNumber: org, key: key.body.key, emails };
}

/** A change request submitted by a consumer (its API key) for `service`; the answer's body (`id`, `reference`, …). */
export async function submitChangeRequest(
  t: TestApp,
  consumerKey: string,
  service: string,
  over: Partial<{ title: string; description: string; useCase: string; urgency: string }> = {},
): Promise<{ id: string; reference: string }> {
  const res = await t.http
    .post('/api/v1/change-requests')
    .set(bearer(consumerKey))
    .send({
      service,
      title: 'Inntekt per måned',
      description: 'Gi inntekt per måned.',
      useCase: 'Foreldrebetaling.',
      urgency: 'medium',
      ...over,
    });
  if (res.status !== 201) throw new Error(`change request: ${res.status} ${res.text}`);
  return res.body;
}
