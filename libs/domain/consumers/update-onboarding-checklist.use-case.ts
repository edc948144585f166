import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { ConsumerRepository } from './consumer.repository';
import { type ServiceAccessView, toServiceAccessView } from './consumer.views';
import { CHECKLIST_KEYS, type ChecklistKey } from './consumer-rules';
import { ServiceAccessNotFound } from './consumers.exceptions';
import { ServiceCatalogue } from './service-catalogue';

/** Ticks or unticks go-live checklist items; each mark records who and when. */
@Injectable()
export class UpdateOnboardingChecklist {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ConsumerRepository,
    private readonly audit: RecordAudit,
    private readonly catalogue: ServiceCatalogue,
  ) {}

  async execute(consumerId: string, code: string, items: Partial<Record<ChecklistKey, boolean>>, actor: Actor): Promise<ServiceAccessView> {
    const entries = Object.entries(items).filter(([, v]) => v !== undefined);
    const errors = entries
      .filter(([k, v]) => !CHECKLIST_KEYS.includes(k as ChecklistKey) || typeof v !== 'boolean')
      .map(([k]) => ({ field: k, message: `must be one of ${CHECKLIST_KEYS.join(', ')} with true or false` }));
    if (!entries.length) errors.push({ field: 'items', message: `name at least one of ${CHECKLIST_KEYS.join(', ')}` });
    if (errors.length) throw new ValidationFailed(errors);
    const resource = (await this.catalogue.altinnResources([code])).get(code) ?? null;
    return this.db.transaction(async () => {
      const access = await this.repo.findServiceForUpdate(consumerId, code);
      if (!access) throw new ServiceAccessNotFound(code);
      const at = new Date().toISOString();
      const before: Record<string, boolean> = {};
      const after: Record<string, boolean> = {};
      const checklist = { ...access.checklist };
      for (const [key, checked] of entries as Array<[ChecklistKey, boolean]>) {
        const was = !!checklist[key]?.checked;
        if (was === checked) continue;
        before[key] = was;
        after[key] = checked;
        checklist[key] = { checked, by: actor.label, at };
      }
      if (!Object.keys(after).length) return toServiceAccessView(access, resource);
      access.checklist = checklist;
      const saved = await this.repo.saveService(access);
      await this.audit.execute({
        actor,
        action: 'consumer.onboarding_checklist_updated',
        objectType: 'consumer',
        objectId: consumerId,
        before: { serviceCode: code, ...before },
        after: { serviceCode: code, ...after },
      });
      return toServiceAccessView(saved, resource);
    });
  }
}
