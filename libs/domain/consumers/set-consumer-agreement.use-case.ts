import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { ConsumerRepository } from './consumer.repository';
import { type AgreementView, toAgreementView } from './consumer.views';
import type { ConsumerAgreement } from './consumer-agreement.entity';
import { type AgreementInput, optionalText, validateAgreement } from './consumer-rules';
import { ConsumerNotFound } from './consumers.exceptions';

export function agreementFields(
  input: AgreementInput,
): Omit<ConsumerAgreement, 'id' | 'consumerId' | 'createdAt' | 'updatedAt' | 'consumer'> {
  return {
    signedOn: input.signedOn,
    signatoryName: input.signatoryName.trim(),
    signatoryTitle: optionalText(input.signatoryTitle),
    validFrom: input.validFrom,
    validTo: optionalText(input.validTo),
    acceptedTerms: (input.acceptedTerms ?? []).map((t) => ({
      serviceCode: t.serviceCode,
      sharingTermsVersion: optionalText(t.sharingTermsVersion),
      usageTermsVersion: optionalText(t.usageTermsVersion),
    })),
    documentReference: optionalText(input.documentReference),
  };
}

/** Records the agreement in force (replacing the previous one, which the audit log keeps). */
@Injectable()
export class SetConsumerAgreement {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ConsumerRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(consumerId: string, input: AgreementInput, actor: Actor): Promise<AgreementView> {
    return this.db.transaction(async () => {
      if (!(await this.repo.findConsumer(consumerId))) throw new ConsumerNotFound();
      const codes = new Set((await this.repo.listServices([consumerId])).map((s) => s.serviceCode));
      const errors = validateAgreement(input, codes);
      if (errors.length) throw new ValidationFailed(errors);
      const previous = await this.repo.findAgreement(consumerId);
      const before = previous ? toAgreementView(previous) : null;
      const saved = toAgreementView(await this.repo.upsertAgreement({ consumerId, ...agreementFields(input) }));
      await this.audit.execute({
        actor,
        action: 'consumer.agreement_set',
        objectType: 'consumer',
        objectId: consumerId,
        before,
        after: saved,
      });
      return saved;
    });
  }
}
