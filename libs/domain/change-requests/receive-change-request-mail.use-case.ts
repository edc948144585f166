import { RecordAudit } from '@domain/audit';
import { NotifyStaff } from '@domain/notifications';
import type { InboundMail, InboundMailHandler, InboundMailOutcome, InboundMailTarget } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import type { ChangeRequest } from './change-request.entity';
import { ChangeRequestRepository } from './change-request.repository';

/** The templates of the thread to Skatteetaten of a forwarded request: a reply to one of them is Skatteetaten answering. */
const FORWARD_THREAD_TEMPLATES = new Set(['change-request-forward', 'change-request-follow-up']);

/**
 * Skatteetaten answering a forwarded change request by e-mail: a reply in its thread (by the
 * thread's Message-IDs, from whoever answers there), or mail that names its reference (EN-…) from
 * an address it was forwarded to. The answer is kept in the request's history, with a link to the
 * message, and the staff who forward requests are told, so someone records it as the request's
 * answer. Anything else (a municipality answering the outcome, a stranger naming the reference)
 * is declined and opens a ticket, as before.
 */
@Injectable()
export class ReceiveChangeRequestMail implements InboundMailHandler {
  readonly name = 'change-requests';
  readonly relatedTypes = ['change_request'] as const;
  readonly referencePrefixes = ['EN'] as const;

  constructor(
    private readonly repo: ChangeRequestRepository,
    private readonly audit: RecordAudit,
    private readonly notify: NotifyStaff,
  ) {}

  async accept(mail: InboundMail, target: InboundMailTarget): Promise<InboundMailOutcome> {
    const request = await this.find(target);
    if (!request?.forwardedAt) return { accepted: false };
    const fromSkatteetaten =
      target.how === 'message-id'
        ? FORWARD_THREAD_TEMPLATES.has(target.template)
        : request.forwardedTo.some((address) => address.toLowerCase() === mail.from);
    if (!fromSkatteetaten) return { accepted: false };
    await this.audit.execute({
      actor: { kind: 'system', id: null, label: mail.from },
      action: 'change_request.reply_received',
      objectType: 'change_request',
      objectId: request.id,
      after: { from: mail.from, inboundMessageId: mail.id },
    });
    await this.notify.execute(
      { permission: 'change-request.forward' },
      { kind: 'change_request.reply_received', reference: request.reference, title: request.title, link: `/change-requests/${request.id}` },
    );
    return { accepted: true, summary: `change_request:${request.reference}` };
  }

  /** The request the mail is about; a merged one's answer belongs to the request it was merged into. */
  private async find(target: InboundMailTarget): Promise<ChangeRequest | null> {
    if (target.how === 'new-conversation') return null;
    let request = target.how === 'message-id' ? await this.repo.find(target.relatedId) : await this.repo.findByReference(target.reference);
    for (let hops = 0; request?.mergedIntoId && hops < 10; hops++) request = await this.repo.find(request.mergedIntoId);
    return request;
  }
}
