import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { ConsumerRepository } from './consumer.repository';
import { type ServiceAccessView, toServiceAccessView } from './consumer.views';
import { type ServiceAccessInput, validateServiceAccess } from './consumer-rules';
import { ConsumerNotFound, ServiceAccessExists, UnknownServiceCodes } from './consumers.exceptions';
import { applyServiceAccess, serviceAccessSnapshot } from './service-access';
import { ServiceCatalogue } from './service-catalogue';

/**
 * Creates or updates a consumer's access to one service. Fields left out keep their value;
 * a new access starts onboarding at "requested", at the back of the queue. With `onlyNew`, access
 * that exists already is refused (409), as when it was given since the form was opened.
 */
@Injectable()
export class SetServiceAccess {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ConsumerRepository,
    private readonly catalogue: ServiceCatalogue,
    private readonly audit: RecordAudit,
  ) {}

  async execute(
    consumerId: string,
    code: string,
    input: Omit<Partial<ServiceAccessInput>, 'code'>,
    actor: Actor,
    { onlyNew = false }: { onlyNew?: boolean } = {},
  ): Promise<{ access: ServiceAccessView; created: boolean }> {
    const existing = await this.repo.findService(consumerId, code);
    const errors = validateServiceAccess({ ...input, code }, '', !!existing);
    if (errors.length) throw new ValidationFailed(errors);
    const unknown = await this.catalogue.check([{ code, environments: input.environments ?? existing?.environments ?? [] }], () => '');
    // Access to a service that has left the catalogue may still be edited, but not extended.
    if (unknown.length && (!existing || input.environments)) throw new UnknownServiceCodes(unknown);
    const resource = (await this.catalogue.altinnResources([code])).get(code) ?? null;

    return this.db.transaction(async () => {
      if (!(await this.repo.findConsumer(consumerId))) throw new ConsumerNotFound();
      const now = new Date();
      let access = await this.repo.findService(consumerId, code);
      if (access && onlyNew) throw new ServiceAccessExists(code);
      const before = access ? serviceAccessSnapshot(access) : null;
      if (!access) {
        await this.repo.lockQueue();
        access = this.repo.newService({
          consumerId,
          serviceCode: code,
          onboardingStep: 'requested',
          onboardingHistory: [{ step: 'requested', at: now.toISOString(), by: actor.label }],
          checklist: {},
          vendorHistory: [],
          queuePosition: await this.repo.nextQueuePosition(),
        });
      }
      applyServiceAccess(access, input, actor.label, now);
      const saved = await this.repo.saveService(access);
      const after = serviceAccessSnapshot(saved);
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await this.audit.execute({
          actor,
          action: before ? 'consumer.service_updated' : 'consumer.service_added',
          objectType: 'consumer',
          objectId: consumerId,
          before,
          after,
        });
      }
      return { access: toServiceAccessView(saved, resource), created: !before };
    });
  }
}
