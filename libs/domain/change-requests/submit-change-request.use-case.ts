import { RecordAudit } from '@domain/audit';
import { FindServicesInForce } from '@domain/catalogue';
import { GetConsumer } from '@domain/consumers';
import { actorOf, type ConsumerPrincipal, maskNationalIdentityNumbers, ReferenceSequence } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { type FieldError, ValidationFailed } from '@platform/errors';

import { ChangeRequestRepository } from './change-request.repository';
import { NoAccessToService, UnknownChangeRequestService } from './change-requests.exceptions';
import { CHANGE_REQUEST_URGENCIES, type ChangeRequestUrgency } from './rules/change-request-rules';

export interface ChangeRequestInput {
  service: string;
  title: string;
  description: string;
  useCase: string;
  urgency: ChangeRequestUrgency;
}

export const CHANGE_REQUEST_LIMITS = { title: 200, description: 10_000, useCase: 4_000 } as const;

/** Checks every field before anything is stored, naming each bad one (the same rules for API and form). */
export function checkChangeRequestText(fields: Partial<Record<'title' | 'description' | 'useCase', unknown>>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(fields) as Array<[keyof typeof CHANGE_REQUEST_LIMITS, unknown]>) {
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) errors.push({ field, message: 'must not be empty' });
    else if (text.length > CHANGE_REQUEST_LIMITS[field])
      errors.push({ field, message: `must be at most ${CHANGE_REQUEST_LIMITS[field]} characters` });
  }
  return errors;
}

/** Identity numbers have no place in a change request: masked before it is stored or forwarded. */
export const cleanText = (value: string): string => maskNationalIdentityNumbers(value.trim()).text;

/** A consumer asks for a change in a service it has access to; its own submission counts as the first support. */
@Injectable()
export class SubmitChangeRequest {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ChangeRequestRepository,
    private readonly catalogue: FindServicesInForce,
    private readonly registry: GetConsumer,
    private readonly references: ReferenceSequence,
    private readonly audit: RecordAudit,
  ) {}

  async execute(me: ConsumerPrincipal, input: ChangeRequestInput): Promise<{ id: string; reference: string }> {
    const errors = checkChangeRequestText(input);
    if (!(CHANGE_REQUEST_URGENCIES as readonly string[]).includes(input.urgency))
      errors.push({ field: 'urgency', message: `must be one of ${CHANGE_REQUEST_URGENCIES.join(', ')}` });
    if (typeof input.service !== 'string' || !input.service.trim()) errors.push({ field: 'service', message: 'must not be empty' });
    if (errors.length) throw new ValidationFailed(errors);
    const [service] = await this.catalogue.execute([input.service.trim()]);
    if (!service) throw new UnknownChangeRequestService(input.service);
    const access = (await this.registry.detail(me.consumerId))?.services.find((s) => s.code === service.code);
    if (!access) throw new NoAccessToService(service.code);
    const actor = actorOf(me);
    return this.db.transaction(async () => {
      const now = new Date();
      const request = await this.repo.insert({
        reference: await this.references.next('changeRequest', now),
        serviceCode: service.code,
        // The consumer's own area, else the service's when it has only one: never a guess among several.
        serviceArea: access.serviceArea ?? (service.serviceAreas.length === 1 ? service.serviceAreas[0]! : null),
        title: cleanText(input.title),
        description: cleanText(input.description),
        urgency: input.urgency,
        status: 'new',
        submitterConsumerId: me.consumerId,
        submittedBy: actor.label,
      });
      await this.repo.insertSupportOnce({
        changeRequestId: request.id,
        consumerId: me.consumerId,
        kind: 'submitted',
        useCase: cleanText(input.useCase),
        addedBy: actor.label,
      });
      await this.audit.execute({
        actor,
        action: 'change_request.submitted',
        objectType: 'change_request',
        objectId: request.id,
        after: { reference: request.reference, service: service.code, urgency: input.urgency },
      });
      return { id: request.id, reference: request.reference };
    });
  }
}
