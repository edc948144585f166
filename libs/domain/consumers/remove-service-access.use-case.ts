import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { ConsumerRepository } from './consumer.repository';
import { ServiceAccessNotFound } from './consumers.exceptions';
import { serviceAccessSnapshot } from './service-access';

@Injectable()
export class RemoveServiceAccess {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ConsumerRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(consumerId: string, code: string, actor: Actor): Promise<void> {
    await this.db.transaction(async () => {
      const access = await this.repo.findService(consumerId, code);
      if (!access) throw new ServiceAccessNotFound(code);
      await this.repo.deleteService(access.id);
      await this.audit.execute({
        actor,
        action: 'consumer.service_removed',
        objectType: 'consumer',
        objectId: consumerId,
        before: { ...serviceAccessSnapshot(access), onboardingStep: access.onboardingStep },
      });
    });
  }
}
