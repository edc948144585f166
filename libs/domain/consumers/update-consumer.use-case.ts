import { RecordAudit } from '@domain/audit';
import { type Actor, versionOf } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { ConsumerRepository } from './consumer.repository';
import { type ConsumerDetail, toConsumerView } from './consumer.views';
import { type ConsumerFieldsInput, normaliseOrgNumber, optionalText, validateConsumerFields } from './consumer-rules';
import { ConsumerChangedMeanwhile, ConsumerExists, ConsumerNotFound } from './consumers.exceptions';
import { GetConsumer } from './get-consumer.use-case';

export type UpdateConsumerInput = Partial<ConsumerFieldsInput>;

@Injectable()
export class UpdateConsumer {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ConsumerRepository,
    private readonly consumers: GetConsumer,
    private readonly audit: RecordAudit,
  ) {}

  /**
   * Changes the fields given. With `expectedVersions` (the versions of the consumer's detail the
   * editor accepts, see versionOf), a consumer changed by someone else since is refused rather than overwritten.
   */
  async execute(id: string, input: UpdateConsumerInput, actor: Actor, expectedVersions?: readonly string[]): Promise<ConsumerDetail> {
    const errors = validateConsumerFields(input, '', true);
    if (errors.length) throw new ValidationFailed(errors);
    return this.db.transaction(async () => {
      // Locked: two changes at once take turns instead of each writing what it read before the other.
      const consumer = await this.repo.lockConsumer(id);
      if (!consumer) throw new ConsumerNotFound();
      if (expectedVersions && !expectedVersions.includes(versionOf((await this.consumers.detail(id))!)))
        throw new ConsumerChangedMeanwhile();
      const before = toConsumerView(consumer);
      const orgNumber = input.orgNumber !== undefined ? normaliseOrgNumber(input.orgNumber) : consumer.orgNumber;
      if (orgNumber !== consumer.orgNumber && (await this.repo.findConsumerByOrg(orgNumber))) throw new ConsumerExists(orgNumber);
      const changes = {
        orgNumber,
        name: input.name !== undefined ? input.name.trim() : consumer.name,
        kind: input.kind ?? consumer.kind,
        municipalityNumber: input.municipalityNumber !== undefined ? optionalText(input.municipalityNumber) : consumer.municipalityNumber,
        status: input.status ?? consumer.status,
      };
      await this.repo.updateConsumer(id, changes);
      const after = { ...before, ...changes };
      if (JSON.stringify(before) !== JSON.stringify(after))
        await this.audit.execute({ actor, action: 'consumer.updated', objectType: 'consumer', objectId: id, before, after });
      return (await this.consumers.detail(id))!;
    });
  }
}
