import { publishCatalogue } from './fixtures';
import { bearer, createTestApp, TestApp } from './test-app';

/** Valid organisation numbers with a role in the consumer registry's tests. */
export const ORG = {
  oslo: '974760673',
  bergen: '938801363',
  other: '964338531',
  vendorA: '981544315',
  vendorB: '991825827',
  imported: '971524960',
  imported2: '944117784',
};

export const contacts = (org: string) => [
  { name: 'Teknisk kontakt', email: `tech-${org}@kommune.example.test`, role: 'technical' },
  { name: 'Faglig kontakt', email: `fag-${org}@kommune.example.test`, role: 'professional' },
];

export const serviceAccess = (...codes: string[]) =>
  codes.map((code) => ({
    code,
    environments: ['production', 'test'],
    legalBasis: 'Forskrift om foreldrebetaling',
    purpose: 'Redusert foreldrebetaling',
  }));

/** A municipality with both contacts and two services: active at once. */
export const OSLO = {
  orgNumber: ORG.oslo,
  name: 'Oslo kommune',
  municipalityNumber: '0301',
  contacts: contacts(ORG.oslo),
  services: serviceAccess('ssg', 'inntekt'),
};

/** A municipality with only a professional contact and one service. */
export const BERGEN = {
  orgNumber: ORG.bergen,
  name: 'Bergen kommune',
  contacts: [contacts(ORG.bergen)[1]],
  services: serviceAccess('ssg'),
};

export interface RegisteredDetail {
  id: string;
  services: Array<{ id: string; code: string }>;
}

/** The app with the catalogue the registry's tests use: two services in both environments, one only in test. */
export async function consumerRegistryApp(): Promise<TestApp> {
  const t = await createTestApp();
  await publishCatalogue(t, ['ssg', 'inntekt', 'testonly'], { testonly: { environments: ['test'] } });
  return t;
}

export function registerConsumerBody(t: TestApp, body: object) {
  return t.http.post('/api/v1/consumers').set(bearer(t.adminToken)).send(body);
}

/** Registers a consumer as setup (its registration has tests of its own) and returns its detail. */
export async function registered(t: TestApp, body: object): Promise<RegisteredDetail> {
  return (await registerConsumerBody(t, body).expect(201)).body;
}
