import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  CopyCatalogueVersion,
  GetCatalogueInForce,
  ListCatalogueVersions,
  PublishCatalogueVersion,
  SaveCatalogueService,
  SeedCatalogue,
} from '@domain/catalogue';
import { CreateConsumerApiKey, FindConsumers, RegisterConsumer } from '@domain/consumers';
import {
  EscalateIncident,
  type HistoricalReport,
  ImportReports,
  IncidentQueries,
  MAX_IMPORT_BATCH,
  OPEN_STATUSES,
} from '@domain/incidents';
import type { Actor, Environment } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { Conflict } from '@platform/errors';

import { DEMO_CATALOGUE, DEMO_SERVICES } from './demo-catalogue';
import { demoPerson } from './demo-people';

/** One report of the shipped history: the development set's report without its ground-truth label. */
interface DemoReport {
  receivedAt: string;
  consumer: { orgNumber: string; name: string };
  channel: 'api' | 'form';
  service: string;
  environment: Environment;
  category: HistoricalReport['category'];
  title: string;
  description: string;
  httpStatus?: number | null;
  errorCode?: string | null;
  correlationId?: string | null;
  occurredAt?: string | null;
}

export interface DemonstrationLoaded {
  catalogue: string;
  consumersCreated: number;
  reportsImported: number;
  escalated: number;
}

/** How many of the widest production problems the demonstration escalates, so the mail view has threads to show. */
const ESCALATED_PROBLEMS = 3;

export class DemonstrationRefused extends Conflict {
  constructor(others: number) {
    super(
      'demo_refused',
      `The database already holds ${others} consumer(s) that are not part of the demonstration; the demonstration is only loaded into a new installation.`,
    );
  }
}

export function demoReports(): DemoReport[] {
  return readFileSync(join(__dirname, 'reports.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as DemoReport);
}

/**
 * Fills a new installation with a realistic demonstration: the seed Bilag 2, the municipalities
 * of a synthetic report history (real names, fictional contacts, API keys), and that history
 * replayed through the real import with its original receipt times, so grouping, merge
 * proposals and escalation e-mail show what they do. Each part is skipped when present, so a
 * second run (or a run after an interrupted one) adds only what is missing; it refuses a
 * database holding consumers of its own.
 */
@Injectable()
export class LoadDemonstration {
  constructor(
    private readonly db: DatabaseContext,
    private readonly seedCatalogue: SeedCatalogue,
    private readonly catalogueInForce: GetCatalogueInForce,
    private readonly catalogueVersions: ListCatalogueVersions,
    private readonly copyVersion: CopyCatalogueVersion,
    private readonly saveService: SaveCatalogueService,
    private readonly publishVersion: PublishCatalogueVersion,
    private readonly consumers: FindConsumers,
    private readonly register: RegisterConsumer,
    private readonly apiKeys: CreateConsumerApiKey,
    private readonly importReports: ImportReports,
    private readonly incidents: IncidentQueries,
    private readonly escalate: EscalateIncident,
  ) {}

  async execute(actor: Actor): Promise<DemonstrationLoaded> {
    const reports = demoReports();
    const municipalities = new Map(reports.map((r) => [r.consumer.orgNumber, r.consumer.name]));
    const existing = await this.consumers.orgNumbers();
    const others = existing.filter((org) => !municipalities.has(org));
    if (others.length) throw new DemonstrationRefused(others.length);

    const catalogue = [await this.seedCatalogue.execute(actor), await this.addDemoServices(reports, actor)].filter(Boolean).join('\n');
    const consumersCreated = await this.registerMunicipalities(reports, new Set(existing), actor);
    const reportsImported = await this.replay(reports, actor);
    // Only a fresh history is escalated: a second run leaves the threads staff may have started alone.
    const escalated = reportsImported ? await this.escalateWidest(actor) : 0;
    return { catalogue, consumersCreated, reportsImported, escalated };
  }

  /** The services the history concerns that the catalogue in force lacks, in a version of the demonstration's own. */
  private async addDemoServices(reports: DemoReport[], actor: Actor): Promise<string> {
    const inForce = (await this.catalogueInForce.find())!;
    const listed = new Set(inForce.services.map((s) => s.code));
    const missing = DEMO_SERVICES.filter((s) => !listed.has(s.code) && reports.some((r) => r.service === s.code));
    if (!missing.length) return '';
    if ((await this.catalogueVersions.execute()).some((v) => v.label === DEMO_CATALOGUE.label))
      return `Catalogue: "${DEMO_CATALOGUE.label}" exists but is not in force; the demonstration's services are missing.`;
    return this.db.transaction(async () => {
      const draft = await this.copyVersion.execute(inForce.id, DEMO_CATALOGUE, actor);
      for (const service of missing) await this.saveService.execute(draft.id, null, service, actor);
      await this.publishVersion.execute(draft.id, actor);
      return `Catalogue: published "${DEMO_CATALOGUE.label}" with ${missing.map((s) => s.code).join(', ')} added.`;
    });
  }

  private async registerMunicipalities(reports: DemoReport[], existing: Set<string>, actor: Actor): Promise<number> {
    const services = new Map<string, Set<string>>();
    for (const r of reports) services.set(r.consumer.orgNumber, (services.get(r.consumer.orgNumber) ?? new Set()).add(r.service));
    let created = 0;
    for (const [i, [org, codes]] of [...services].entries()) {
      if (existing.has(org)) continue;
      const name = reports.find((r) => r.consumer.orgNumber === org)!.consumer.name;
      const [technical, professional] = [demoPerson(2 * i, name), demoPerson(2 * i + 1, name)];
      // Registration and key together: an interrupted run never leaves a municipality without its key.
      await this.db.transaction(async () => {
        const consumer = await this.register.execute(
          {
            orgNumber: org,
            name,
            contacts: [
              { ...technical, role: 'technical' },
              { ...professional, role: 'professional' },
            ],
            services: [...codes].sort().map((code) => ({ code, environments: ['production', 'test'] })),
            agreement: {
              signedOn: '2025-11-14',
              signatoryName: professional.name,
              signatoryTitle: 'Kommunedirektør',
              validFrom: '2026-01-01',
            },
          },
          actor,
        );
        await this.apiKeys.execute(consumer.id, 'Fagsystem (demonstrasjon)', actor);
      });
      created++;
    }
    return created;
  }

  /** Imports the reports not yet stored (by municipality and receipt time), in time order. */
  private async replay(reports: DemoReport[], actor: Actor): Promise<number> {
    const ids = new Map<string, string>();
    for (const org of new Set(reports.map((r) => r.consumer.orgNumber))) ids.set(org, (await this.consumers.byOrgNumber(org))!.id);
    const stored = new Set(
      (await this.incidents.receivedTimes([...ids.values()])).map((r) => `${r.consumerId}@${r.receivedAt.toISOString()}`),
    );
    const missing = reports.filter((r) => !stored.has(`${ids.get(r.consumer.orgNumber)}@${new Date(r.receivedAt).toISOString()}`));
    for (let i = 0; i < missing.length; i += MAX_IMPORT_BATCH)
      await this.importReports.execute(missing.slice(i, i + MAX_IMPORT_BATCH).map(toHistoricalReport), actor);
    return missing.length;
  }

  private async escalateWidest(actor: Actor): Promise<number> {
    const open = await this.incidents.queue({ status: OPEN_STATUSES, environment: 'production', limit: 1000 });
    const widest = open
      .filter((i) => i.track === 'ordinary' && i.side !== 'local' && !i.escalated && i.consumerCount >= 3)
      .sort((a, b) => b.consumerCount - a.consumerCount || b.reportCount - a.reportCount)
      .slice(0, ESCALATED_PROBLEMS);
    for (const incident of widest) await this.escalate.execute(incident.id, actor);
    return widest.length;
  }
}

function toHistoricalReport(r: DemoReport): HistoricalReport {
  return {
    consumerOrgNumber: r.consumer.orgNumber,
    receivedAt: new Date(r.receivedAt),
    channel: r.channel,
    service: r.service,
    environment: r.environment,
    category: r.category,
    title: r.title,
    description: r.description,
    ...(r.occurredAt ? { occurredAt: new Date(r.occurredAt) } : {}),
    ...(r.httpStatus ? { httpStatus: r.httpStatus } : {}),
    ...(r.errorCode ? { errorCode: r.errorCode } : {}),
    ...(r.correlationId ? { correlationId: r.correlationId } : {}),
  };
}
