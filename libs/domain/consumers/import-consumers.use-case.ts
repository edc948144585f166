import { RecordAudit } from '@domain/audit';
import type { Actor, Environment } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { ConsumerRepository } from './consumer.repository';
import {
  checkServiceCodes,
  type ExistingConsumer,
  importChanges,
  importConflicts,
  importedContact,
  ImportFileInvalid,
  type ImportRow,
  type ImportRowResult,
  newConsumerKind,
  parseConsumerCsv,
} from './consumer-import';
import { defaultStatus } from './consumer-rules';
import { InvalidImportFile } from './consumers.exceptions';
import { ServiceCatalogue } from './service-catalogue';

export interface ImportResult {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  rows: ImportRowResult[];
}

const BOTH: Environment[] = ['production', 'test'];
const IMPORT_LOCK = 'segment-desk:consumers:import';

/**
 * Bulk registration from CSV, upserting by organisation number. A dry run reports what each row
 * would do and changes nothing; a commit applies every valid row in one transaction and skips
 * rows with errors. Importing the same file twice leaves the second run unchanged.
 */
@Injectable()
export class ImportConsumers {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ConsumerRepository,
    private readonly catalogue: ServiceCatalogue,
    private readonly audit: RecordAudit,
  ) {}

  async execute(csv: string, dryRun: boolean, actor: Actor): Promise<ImportResult> {
    if (typeof csv !== 'string' || !csv.trim()) throw new InvalidImportFile('Send the CSV file as text/csv or as JSON {"csv": "..."}.');
    let rows: ImportRow[];
    try {
      rows = parseConsumerCsv(csv);
    } catch (e) {
      if (e instanceof ImportFileInvalid) throw new InvalidImportFile(e.message);
      throw e;
    }
    checkServiceCodes(rows, await this.catalogue.codes());
    if (dryRun) {
      const existing = await this.existing(rows);
      return summarise(
        true,
        rows.map((row) => this.plan(row, existing.get(row.orgNumber) ?? null)),
      );
    }

    return this.db.transaction(async () => {
      await this.db.advisoryXactLock(IMPORT_LOCK);
      const existing = await this.existing(rows);
      const results: ImportRowResult[] = [];
      let queueLocked = false;
      for (const row of rows) {
        const result = this.plan(row, existing.get(row.orgNumber) ?? null);
        results.push(result);
        if (result.action !== 'create' && result.action !== 'update') continue;
        if (!queueLocked && row.services.length) {
          await this.repo.lockQueue();
          queueLocked = true;
        }
        await this.apply(row, existing.get(row.orgNumber) ?? null, result.changes, actor);
      }
      return summarise(false, results);
    });
  }

  private plan(row: ImportRow, existing: ExistingConsumer | null): ImportRowResult {
    const base = { line: row.line, orgNumber: row.orgNumber, name: row.name };
    const errors = [...row.errors, ...importConflicts(row, existing)];
    if (errors.length) return { ...base, action: 'error', changes: [], errors };
    return { ...base, ...(existing ? { existingId: existing.id } : {}), ...importChanges(row, existing), errors: [] };
  }

  private async existing(rows: ImportRow[]): Promise<Map<string, ExistingConsumer>> {
    const consumers = await this.repo.findConsumersByOrg([...new Set(rows.filter((r) => !r.errors.length).map((r) => r.orgNumber))]);
    const ids = consumers.map((c) => c.id);
    // One after the other: inside the import transaction they share one connection.
    const contacts = await this.repo.listContacts(ids);
    const services = await this.repo.listServices(ids);
    return new Map(
      consumers.map((c) => [
        c.orgNumber,
        {
          id: c.id,
          name: c.name,
          kind: c.kind,
          municipalityNumber: c.municipalityNumber,
          contacts: contacts.filter((x) => x.consumerId === c.id).map((x) => ({ id: x.id, name: x.name, email: x.email, role: x.role })),
          services: services.filter((s) => s.consumerId === c.id).map((s) => ({ code: s.serviceCode, environments: s.environments })),
          connected: services.some((s) => s.consumerId === c.id && s.onboardingStep === 'connected'),
        },
      ]),
    );
  }

  private async apply(row: ImportRow, existing: ExistingConsumer | null, changes: string[], actor: Actor): Promise<void> {
    const now = new Date();
    let consumerId: string;
    let before: Record<string, unknown> | null = null;
    if (!existing) {
      const created = await this.repo.insertConsumerIfOrgFree({
        orgNumber: row.orgNumber,
        name: row.name,
        kind: newConsumerKind(row),
        municipalityNumber: row.municipalityNumber,
        status: defaultStatus(row.contact ? 1 : 0, row.services.length),
      });
      consumerId = created!.id;
    } else {
      consumerId = existing.id;
      before = { name: existing.name, kind: existing.kind, municipalityNumber: existing.municipalityNumber };
      await this.repo.updateConsumer(consumerId, {
        name: row.name,
        kind: row.kind ?? existing.kind,
        municipalityNumber: row.municipalityNumber ?? existing.municipalityNumber,
      });
    }
    if (row.contact) {
      const have = existing?.contacts.find((c) => c.email === row.contact!.email);
      const next = importedContact(row.contact, have);
      if (!have) await this.repo.insertContactIfNew({ consumerId, email: row.contact.email, phone: row.contact.phone, ...next });
      else if (have.name !== next.name || have.role !== next.role) {
        const contact = (await this.repo.findContact(consumerId, have.id))!;
        await this.repo.saveContact(Object.assign(contact, next));
      }
    }
    for (const s of row.services) {
      const access = await this.repo.findService(consumerId, s.code);
      if (!access) {
        await this.repo.saveService(
          this.repo.newService({
            consumerId,
            serviceCode: s.code,
            environments: s.environments ?? BOTH,
            onboardingStep: 'requested',
            onboardingHistory: [{ step: 'requested', at: now.toISOString(), by: actor.label, note: 'import' }],
            checklist: {},
            vendorHistory: [],
            queuePosition: await this.repo.nextQueuePosition(),
          }),
        );
      } else if (s.environments && [...access.environments].sort().join() !== [...s.environments].sort().join()) {
        access.environments = s.environments;
        await this.repo.saveService(access);
      }
    }
    await this.audit.execute({
      actor,
      action: existing ? 'consumer.updated_by_import' : 'consumer.created_by_import',
      objectType: 'consumer',
      objectId: consumerId,
      before,
      after: {
        name: row.name,
        kind: row.kind ?? existing?.kind ?? newConsumerKind(row),
        municipalityNumber: row.municipalityNumber ?? existing?.municipalityNumber ?? null,
        changes,
      },
      details: { line: row.line },
    });
  }
}

function summarise(dryRun: boolean, rows: ImportRowResult[]): ImportResult {
  return {
    dryRun,
    created: rows.filter((r) => r.action === 'create').length,
    updated: rows.filter((r) => r.action === 'update').length,
    unchanged: rows.filter((r) => r.action === 'unchanged').length,
    errors: rows.filter((r) => r.action === 'error').length,
    rows,
  };
}
