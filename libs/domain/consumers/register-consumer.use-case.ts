import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { ConsumerRepository } from './consumer.repository';
import type { ConsumerDetail } from './consumer.views';
import {
  defaultStatus,
  inferKind,
  normaliseEmail,
  normaliseOrgNumber,
  optionalText,
  type RegisterConsumerInput,
  validateRegistration,
} from './consumer-rules';
import { ConsumerExists, UnknownServiceCodes } from './consumers.exceptions';
import { GetConsumer } from './get-consumer.use-case';
import { applyServiceAccess } from './service-access';
import { ServiceCatalogue } from './service-catalogue';
import { agreementFields } from './set-consumer-agreement.use-case';

/**
 * Registers a consumer with its contacts, service access and (optionally) agreement, all or
 * nothing. Only organisation number and name are required; the rest can be completed later.
 */
@Injectable()
export class RegisterConsumer {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ConsumerRepository,
    private readonly catalogue: ServiceCatalogue,
    private readonly consumers: GetConsumer,
    private readonly audit: RecordAudit,
  ) {}

  async execute(input: RegisterConsumerInput, actor: Actor): Promise<ConsumerDetail> {
    const errors = validateRegistration(input);
    if (errors.length) throw new ValidationFailed(errors);
    const contacts = input.contacts ?? [];
    const services = (input.services ?? []).map((s) => ({ ...s, code: s.code.trim() }));
    const unknown = await this.catalogue.check(services, (i) => `services[${i}].`);
    if (unknown.length) throw new UnknownServiceCodes(unknown);
    const orgNumber = normaliseOrgNumber(input.orgNumber);
    const name = input.name.trim();

    return this.db.transaction(async () => {
      const consumer = await this.repo.insertConsumerIfOrgFree({
        orgNumber,
        name,
        kind: input.kind ?? inferKind(name),
        municipalityNumber: optionalText(input.municipalityNumber),
        status: input.status ?? defaultStatus(contacts.length, services.length),
      });
      if (!consumer) throw new ConsumerExists(orgNumber);
      for (const c of contacts) {
        await this.repo.insertContactIfNew({
          consumerId: consumer.id,
          name: c.name.trim(),
          email: normaliseEmail(c.email),
          phone: optionalText(c.phone),
          role: c.role,
        });
      }
      if (services.length) await this.repo.lockQueue();
      const now = new Date();
      for (const s of services) {
        const access = this.repo.newService({
          consumerId: consumer.id,
          serviceCode: s.code,
          onboardingStep: 'requested',
          onboardingHistory: [{ step: 'requested', at: now.toISOString(), by: actor.label }],
          checklist: {},
          vendorHistory: [],
          queuePosition: await this.repo.nextQueuePosition(),
        });
        applyServiceAccess(access, s, actor.label, now);
        await this.repo.saveService(access);
      }
      if (input.agreement) await this.repo.upsertAgreement({ consumerId: consumer.id, ...agreementFields(input.agreement) });
      const detail = (await this.consumers.detail(consumer.id))!;
      await this.audit.execute({ actor, action: 'consumer.created', objectType: 'consumer', objectId: consumer.id, after: detail });
      return detail;
    });
  }
}
