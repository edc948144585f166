import type { ProcessRole } from '@composition';

import { publishCatalogue, registerConsumer, RegisteredConsumer } from './fixtures';
import { createTestApp, TestApp } from './test-app';

export const INCIDENT_SERVICES = ['summert-skattegrunnlag', 'inntekt', 'skatteoppgjor'];

/** A report body as a consumer's system sends it: an outage of Summert skattegrunnlag unless changed. */
export const reportBody = (over: Record<string, unknown> = {}) => ({
  service: 'summert-skattegrunnlag',
  environment: 'production',
  category: 'incident',
  title: 'Alle oppslag gir 503',
  description: 'Fra kl. 08 får vi 503 Service Unavailable på alle oppslag mot Summert skattegrunnlag.',
  httpStatus: 503,
  errorCode: 'SSG-503',
  ...over,
});

export interface ReportingApp {
  t: TestApp;
  /** Three municipalities with API keys and access to every service. */
  a: RegisteredConsumer;
  b: RegisteredConsumer;
  c: RegisteredConsumer;
}

/** The app with INCIDENT_SERVICES in force and three municipalities that report on them. */
export async function reportingApp(env: Record<string, string> = {}, roles: ProcessRole[] = []): Promise<ReportingApp> {
  const t = await createTestApp(env, roles);
  await publishCatalogue(t, INCIDENT_SERVICES);
  const [a, b, c] = [
    await registerConsumer(t, 101, INCIDENT_SERVICES),
    await registerConsumer(t, 202, INCIDENT_SERVICES),
    await registerConsumer(t, 303, INCIDENT_SERVICES),
  ];
  return { t, a, b, c };
}

export interface OutboxRow {
  template: string;
  to_addresses: string[];
  subject: string;
  text: string;
  html: string;
  message_id: string;
  in_reply_to: string | null;
  references: string[];
  dedupe_key: string;
}

/** Outbox messages matching a SQL condition, oldest first. */
export function outboxRows(t: TestApp, where = 'true', params: unknown[] = []): Promise<OutboxRow[]> {
  return t.dataSource.query(
    `SELECT template, to_addresses, subject, text, html, message_id, in_reply_to, "references", dedupe_key FROM outbox_message WHERE ${where} ORDER BY created_at`,
    params,
  );
}
