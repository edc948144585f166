import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { ConsumerRepository } from './consumer.repository';
import { type ServiceAccessView, toServiceAccessView } from './consumer.views';
import { advanceRefusal, checklistFor, optionalText } from './consumer-rules';
import { ONBOARDING_STEPS, type OnboardingStep } from './consumer-service.entity';
import { ConsumerNotFound, OnboardingRefused, ServiceAccessNotFound } from './consumers.exceptions';
import { ServiceCatalogue } from './service-catalogue';

/**
 * Moves one service's onboarding to the next step (requested → qualified → readiness-tested →
 * connected), recording who and when. Connecting an applicant makes it an active consumer.
 */
@Injectable()
export class AdvanceOnboarding {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ConsumerRepository,
    private readonly audit: RecordAudit,
    private readonly catalogue: ServiceCatalogue,
  ) {}

  async execute(
    consumerId: string,
    code: string,
    to: OnboardingStep,
    note: string | null | undefined,
    actor: Actor,
  ): Promise<ServiceAccessView> {
    if (!ONBOARDING_STEPS.includes(to) || to === 'requested')
      throw new ValidationFailed([{ field: 'to', message: 'must be one of qualified, readiness-tested, connected' }]);
    if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > 2000))
      throw new ValidationFailed([{ field: 'note', message: 'must be text of at most 2000 characters' }]);
    const resource = (await this.catalogue.altinnResources([code])).get(code) ?? null;
    return this.db.transaction(async () => {
      const consumer = await this.repo.findConsumer(consumerId);
      if (!consumer) throw new ConsumerNotFound();
      const access = await this.repo.findServiceForUpdate(consumerId, code);
      if (!access) throw new ServiceAccessNotFound(code);
      const contacts = await this.repo.listContacts([consumerId]);
      const refusal = advanceRefusal({
        current: access.onboardingStep,
        to,
        consumerStatus: consumer.status,
        technicalContacts: contacts.filter((c) => c.role === 'technical').length,
        checklist: checklistFor(access.connectionMethod, access.environments, access.checklist, resource),
      });
      if (refusal)
        throw new OnboardingRefused(refusal.code, refusal.message, refusal.code === 'onboarding_step_order' ? 'conflict' : 'unprocessable');

      const from = access.onboardingStep;
      access.onboardingStep = to;
      access.onboardingHistory = [
        ...access.onboardingHistory,
        { step: to, at: new Date().toISOString(), by: actor.label, note: optionalText(note) },
      ];
      const saved = await this.repo.saveService(access);
      const activated = to === 'connected' && consumer.status === 'applicant';
      if (activated) await this.repo.updateConsumer(consumerId, { status: 'active' });
      await this.audit.execute({
        actor,
        action: 'consumer.onboarding_advanced',
        objectType: 'consumer',
        objectId: consumerId,
        before: { serviceCode: code, step: from, ...(activated ? { status: 'applicant' } : {}) },
        after: { serviceCode: code, step: to, note: optionalText(note), ...(activated ? { status: 'active' } : {}) },
      });
      return toServiceAccessView(saved, resource);
    });
  }
}
