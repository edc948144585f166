import { FindConsumers } from '@domain/consumers';
import { Injectable } from '@nestjs/common';
import { EnqueueEmail } from '@platform/mail';

import { ChangeRequest } from './change-request.entity';
import { ChangeRequestRepository } from './change-request.repository';
import type { ChangeRequestSupport } from './change-request-support.entity';
import { CHANGE_REQUEST_FOLLOW_UP_MAIL } from './mail/change-request-follow-up.mail';

/**
 * The e-mail thread with Skatteetaten of a forwarded request: consumers who join it later (by
 * support or a merge) are told as a reply to the first message, queued in the caller's transaction.
 */
@Injectable()
export class ChangeRequestThread {
  constructor(
    private readonly repo: ChangeRequestRepository,
    private readonly consumers: FindConsumers,
    private readonly email: EnqueueEmail,
  ) {}

  async supportersJoined(request: ChangeRequest, joined: Array<Pick<ChangeRequestSupport, 'consumerId' | 'useCase'>>): Promise<void> {
    if (!request.forwardMessageId || !request.forwardedTo.length || !joined.length) return;
    const names = new Map((await this.consumers.byIds(joined.map((s) => s.consumerId))).map((c) => [c.id, `${c.name} (${c.orgNumber})`]));
    await this.email.execute({
      template: CHANGE_REQUEST_FOLLOW_UP_MAIL,
      to: request.forwardedTo,
      inReplyTo: request.forwardMessageId,
      references: [request.forwardMessageId],
      dedupeKey: `change-request-follow-up:${request.id}:${joined
        .map((s) => s.consumerId)
        .sort()
        .join(',')}`,
      related: { type: 'change_request', id: request.id },
      data: {
        reference: request.reference,
        title: request.title,
        supporterCount: (await this.repo.supportsOf([request.id])).length,
        newSupporters: joined.map((s) => ({ consumer: names.get(s.consumerId) ?? s.consumerId, useCase: s.useCase })),
      },
    });
  }
}
