import { rootModule } from '@composition';
import {
  type CatalogueServiceInput,
  type CatalogueVersionView,
  CreateCatalogueVersion,
  GetCatalogueInForce,
  PublishCatalogueVersion,
} from '@domain/catalogue';
import { type ContactInput, RegisterConsumer, type RegisterConsumerInput } from '@domain/consumers';
import { AuthenticateStaff, CreateStaffUser, SetPassword } from '@domain/identity';
import { IncidentQueries, ReceiveReport, type ReportInput, type ReportReceipt } from '@domain/incidents';
import { type Actor, actorOf, type ConsumerPrincipal, type Environment, type StaffPrincipal, type StaffRole } from '@domain/shared';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@platform/config';
import { DomainException } from '@platform/errors';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';

import { API_ROLE } from '../../apps/api/src/api-role';
import { catalogueService, orgNumber } from '../support/fixtures';
import { TEST_PASSWORD } from '../support/staff-session';
import { ADMIN_TOKEN, testConfig, testConnection } from '../support/test-config';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** The services consumers get access to unless a test names others. */
export const SERVICES = ['summert-skattegrunnlag', 'inntekt', 'skatteoppgjor', 'hendelseslister', 'folkeregister', 'eiendom'];
/**
 * Services nothing has been reported on: each report a test does not place on a service of its
 * own choosing gets one of these, so incidents from other tests are never its candidates
 * (matching compares only incidents of the same service, barring a platform-wide failure).
 */
const FRESH_SERVICES = Array.from({ length: 60 }, (_, i) => `fagtjeneste-${String(i + 1).padStart(2, '0')}`);

export interface MediumStaff {
  id: string;
  email: string;
  role: StaffRole;
  principal: StaffPrincipal;
  actor: Actor;
}

/** A consumer with its contacts, services and agreement, as the registry returns it. */
export type ConsumerDetail = Awaited<ReturnType<RegisterConsumer['execute']>>;

export interface MediumConsumer extends ConsumerDetail {
  /** The consumer as its API key authenticates it. */
  principal: ConsumerPrincipal;
}

export interface ConsumerOverrides extends Partial<Omit<RegisterConsumerInput, 'services'>> {
  /** Service codes (access in both environments) or full service access; default every service in SERVICES. */
  services?: RegisterConsumerInput['services'] | string[];
}

export interface CatalogueOverrides {
  label?: string;
  effectiveFrom?: string;
  notes?: string | null;
  /** Service codes or whole services; default SERVICES. */
  services?: Array<string | CatalogueServiceInput>;
  published?: boolean;
}

export interface MediumIncident {
  incidentId: string;
  reference: string;
  report: ReportReceipt;
  consumer: MediumConsumer;
}

function staff(principal: StaffPrincipal): MediumStaff {
  return { id: principal.id, email: principal.email, role: principal.role, principal, actor: actorOf(principal) };
}

/** What a use case threw, which must be a domain exception (its `code` and `kind` are the contract). */
export async function domainError(promise: Promise<unknown>): Promise<DomainException> {
  const outcome = await promise.then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error('expected the use case to fail, but it succeeded');
  if (!(outcome.error instanceof DomainException)) throw outcome.error;
  return outcome.error;
}

/**
 * The composition root's application context (the API role's modules, no HTTP) on a fresh
 * database, with factories that make valid objects through the use cases. One per test file;
 * every factory call makes new objects, so tests need not run in any order.
 */
export class MediumContext {
  private serial = 0;
  private freshServices = 0;

  private constructor(
    readonly app: INestApplicationContext,
    readonly config: AppConfig,
    readonly db: TestDatabase,
    /** The bootstrap admin, as a staff principal and as the actor the audit log records. */
    readonly admin: MediumStaff,
  ) {}

  static async create(env: Record<string, string> = {}): Promise<MediumContext> {
    const db = await createTestDatabase();
    const config = testConfig(db, env);
    let app: INestApplicationContext | null = null;
    try {
      app = await NestFactory.createApplicationContext(rootModule(config, testConnection(db, config), [API_ROLE]), { bufferLogs: true });
      app.useLogger(app.get(Logger));
      await app.init();
      const principal = await app.get(AuthenticateStaff).byToken(ADMIN_TOKEN);
      if (!principal) throw new Error('the bootstrap admin was not created');
      return new MediumContext(app, config, db, staff(principal));
    } catch (e) {
      await app?.close();
      await db.drop();
      throw e;
    }
  }

  get<T>(type: new (...args: never[]) => T): T {
    return this.app.get(type);
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.app.get(DataSource).query(sql, params);
  }

  /** A number unique within this context, for names, e-mail addresses and organisation numbers. */
  next(): number {
    return ++this.serial;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.db.drop();
  }

  /** A staff user; with `password` one who has chosen it through the password link (slow: argon2). */
  async newStaff(over: { role?: StaffRole; email?: string; name?: string; password?: string | true } = {}): Promise<MediumStaff> {
    const n = this.next();
    const role = over.role ?? 'agent';
    const email = over.email ?? `${role}-${n}@ks.example.test`;
    const { user, link } = await this.get(CreateStaffUser).execute(
      { email, role, name: over.name ?? `Saksbehandler ${n}` },
      this.admin.actor,
    );
    if (over.password) {
      const token = decodeURIComponent(link.split('/password/')[1]);
      await this.get(SetPassword).execute(token, over.password === true ? TEST_PASSWORD : over.password, null);
    }
    return staff({ kind: 'staff', id: user.id, email: user.email, name: user.name, role: user.role, via: 'token' });
  }

  /** A catalogue version (a draft unless `published`, from 2020 unless dated) holding the given services, default SERVICES. */
  async newCatalogueVersion(over: CatalogueOverrides = {}): Promise<CatalogueVersionView> {
    const n = this.next();
    const services = (over.services ?? SERVICES).map((s) => (typeof s === 'string' ? catalogueService(s) : s));
    const draft = await this.get(CreateCatalogueVersion).execute(
      { label: over.label ?? `Bilag 2 versjon ${n}`, effectiveFrom: over.effectiveFrom ?? '2020-01-01', notes: over.notes, services },
      this.admin.actor,
    );
    return over.published ? this.get(PublishCatalogueVersion).execute(draft.id, this.admin.actor) : draft;
  }

  /** Publishes the default catalogue (SERVICES and the fresh ones, from 2020) unless a version is in force today. */
  async ensureCatalogue(): Promise<void> {
    if (!(await this.get(GetCatalogueInForce).find()))
      await this.newCatalogueVersion({ label: 'Bilag 2 (test)', services: [...SERVICES, ...FRESH_SERVICES], published: true });
  }

  /** A service of the default catalogue that no report in this context has named yet. */
  freshService(): string {
    const code = FRESH_SERVICES[this.freshServices++];
    if (!code) throw new Error(`more than ${FRESH_SERVICES.length} fresh services asked for in one test file`);
    return code;
  }

  /** A consumer with a technical and a professional contact and access to its services in both environments. */
  async newConsumer(over: ConsumerOverrides = {}): Promise<MediumConsumer> {
    await this.ensureCatalogue();
    const n = this.next();
    const org = over.orgNumber ?? orgNumber(10_000 + n * 37);
    const contacts: ContactInput[] = over.contacts ?? [
      { name: `Teknisk ${n}`, email: `teknisk-${org}@kommune.example.test`, role: 'technical' },
      { name: `Faglig ${n}`, email: `faglig-${org}@kommune.example.test`, role: 'professional' },
    ];
    const services = (over.services ?? SERVICES).map((s) =>
      typeof s === 'string'
        ? { code: s, environments: ['production', 'test'] as Environment[], legalBasis: 'Forskrift', purpose: 'Test' }
        : s,
    );
    const detail = await this.get(RegisterConsumer).execute(
      { ...over, orgNumber: org, name: over.name ?? `Kommune ${n}`, contacts, services },
      this.admin.actor,
    );
    return {
      ...detail,
      principal: { kind: 'consumer', consumerId: detail.id, orgNumber: detail.orgNumber, name: detail.name, via: 'api-key' },
    };
  }

  /** A report received through the API from `consumer` (a new one unless given), on a fresh service unless given. */
  async newReport(over: Partial<ReportInput> & { consumer?: MediumConsumer; idempotencyKey?: string } = {}): Promise<ReportReceipt> {
    const { consumer: given, idempotencyKey, ...fields } = over;
    const consumer = given ?? (await this.newConsumer());
    const n = this.next();
    const input: ReportInput = {
      // Wrong data, not an outage: an outage may be one platform-wide failure across services.
      environment: 'production',
      category: 'deviation',
      title: `Feil i svaret for sak ${n}`,
      description: `Feltet for sak ${n} har feil verdi i svaret for inntektsåret 2025.`,
      ...fields,
      service: fields.service ?? this.freshService(),
    };
    return this.get(ReceiveReport).execute(consumer.principal, input, { idempotencyKey, fingerprint: input });
  }

  /** An incident opened by one report (from a new consumer unless given, on a fresh service unless given). */
  async newIncident(over: Partial<ReportInput> & { consumer?: MediumConsumer } = {}): Promise<MediumIncident> {
    const consumer = over.consumer ?? (await this.newConsumer());
    const report = await this.newReport({ ...over, consumer });
    const incident = await this.get(IncidentQueries).incident(report.incidentId);
    // A test that wants a new incident must not silently get an existing one.
    if (incident.reportCount !== 1)
      throw new Error(`the report joined ${incident.reference} instead of opening an incident: give it another service or wording`);
    return { incidentId: incident.id, reference: incident.reference, report, consumer };
  }
}
