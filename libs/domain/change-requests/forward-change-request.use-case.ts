import { RecordAudit } from '@domain/audit';
import { FindServicesInForce } from '@domain/catalogue';
import { FindConsumers } from '@domain/consumers';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';
import { EnqueueEmail } from '@platform/mail';

import { ChangeRequest } from './change-request.entity';
import { ChangeRequestRepository } from './change-request.repository';
import { ChangeRequestMerged, ChangeRequestNotFound, NoForwardAddress, NotForwardable } from './change-requests.exceptions';
import { CHANGE_REQUEST_FORWARD_MAIL } from './mail/change-request-forward.mail';
import { canForward } from './rules/change-request-rules';
import { cleanText } from './submit-change-request.use-case';

/** How Skatteetaten reads urgency and priority. */
const LEVEL_TEXTS = { low: 'lav', medium: 'middels', high: 'høy' } as const;

export interface ForwardResult {
  request: ChangeRequest;
  messageId: string;
  to: string[];
  /** True when it had been forwarded before: nothing was sent this time. */
  alreadyForwarded: boolean;
}

/**
 * Sends the consolidated request to the service's escalation addresses in the catalogue in force,
 * once: the e-mail is an outbox row in the same transaction, its Message-ID kept on the request
 * so later messages thread under it. A second forward (or a concurrent one) sends nothing.
 */
@Injectable()
export class ForwardChangeRequest {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ChangeRequestRepository,
    private readonly catalogue: FindServicesInForce,
    private readonly consumers: FindConsumers,
    private readonly email: EnqueueEmail,
    private readonly audit: RecordAudit,
  ) {}

  async execute(id: string, input: { note?: string }, actor: Actor): Promise<ForwardResult> {
    const note = cleanText(input.note ?? '');
    if (note.length > 10_000) throw new ValidationFailed([{ field: 'note', message: 'must be at most 10000 characters' }]);
    return this.db.transaction(async () => {
      const request = await this.repo.lock(id);
      if (!request) throw new ChangeRequestNotFound();
      if (request.forwardMessageId)
        return { request, messageId: request.forwardMessageId, to: request.forwardedTo, alreadyForwarded: true };
      if (request.mergedIntoId)
        throw new ChangeRequestMerged(request.reference, (await this.repo.find(request.mergedIntoId))?.reference ?? '');
      if (!canForward(request.status)) throw new NotForwardable(request.reference, request.status);
      const [service] = await this.catalogue.execute([request.serviceCode]);
      const to = [...new Set((service?.escalationEmails ?? []).map((a) => a.toLowerCase()))];
      if (!to.length) throw new NoForwardAddress(request.serviceCode);
      const supports = await this.repo.supportsOf([request.id]);
      const consumers = new Map((await this.consumers.byIds(supports.map((s) => s.consumerId))).map((c) => [c.id, c]));
      const messageId = this.email.newMessageId();
      await this.email.execute({
        template: CHANGE_REQUEST_FORWARD_MAIL,
        to,
        messageId,
        dedupeKey: `change-request-forward:${request.id}`,
        related: { type: 'change_request', id: request.id },
        data: {
          reference: request.reference,
          title: request.title,
          service: service?.name || request.serviceCode,
          serviceArea: request.serviceArea,
          description: request.description,
          urgency: LEVEL_TEXTS[request.urgency],
          priority: request.priority ? LEVEL_TEXTS[request.priority] : null,
          supporterCount: supports.length,
          supporters: supports.map((s) => {
            const c = consumers.get(s.consumerId);
            return { consumer: c ? `${c.name} (${c.orgNumber})` : s.consumerId, useCase: s.useCase };
          }),
          note: note || null,
        },
      });
      await this.repo.update(request.id, {
        status: 'forwarded',
        forwardMessageId: messageId,
        forwardedTo: to,
        forwardedAt: new Date(),
        forwardedBy: actor.label,
      });
      await this.audit.execute({
        actor,
        action: 'change_request.forwarded',
        objectType: 'change_request',
        objectId: request.id,
        before: { status: request.status },
        after: { status: 'forwarded', to, messageId, supporterCount: supports.length },
      });
      return { request: (await this.repo.find(request.id))!, messageId, to, alreadyForwarded: false };
    });
  }
}
