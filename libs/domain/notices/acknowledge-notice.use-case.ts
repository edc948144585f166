import { RecordAudit } from '@domain/audit';
import { ListConsumerContacts } from '@domain/consumers';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { hashToken } from '@platform/security';

import { NoticeRepository } from './notice.repository';
import type { NoticeRecipient } from './notice-recipient.entity';
import {
  AcknowledgementAlreadyGiven,
  AcknowledgementLinkExpired,
  AcknowledgementLinkInvalid,
  AcknowledgementNotOffered,
  NoticeNotFound,
  NoticeWithdrawn,
} from './notices.exceptions';
import { needsWork } from './rules/notice-input';

export const ACK_ACTIONS = ['read', 'ready'] as const;
export type AckAction = (typeof ACK_ACTIONS)[number];

export interface AckState {
  noticeId: string;
  title: string;
  /** Every consumer the link answers for. */
  consumerNames: string[];
  needsWork: boolean;
  /** When the last of them was confirmed; null while any is not. */
  readAt: Date | null;
  readyAt: Date | null;
}

/**
 * Confirms "read" or "ready" for a notice, by the personal link in the e-mail (each action once,
 * until the link expires) or by a signed-in portal user for their organisation. A link answers
 * for every consumer its address is a contact for. Reading is the person's; readiness is the
 * organisation's, so "ready" by one contact's link counts for every contact of it the notice
 * went to, and none of them is reminded any more. Refusals change nothing.
 */
@Injectable()
export class AcknowledgeNotice {
  constructor(
    private readonly db: DatabaseContext,
    private readonly notices: NoticeRepository,
    private readonly contacts: ListConsumerContacts,
    private readonly audit: RecordAudit,
  ) {}

  /** What the link is for, without using it (a page shows the buttons; mail scanners only GET). */
  async describe(token: string, now: Date = new Date()): Promise<AckState> {
    return this.db.transaction(async () => this.state(await this.valid(token, now)));
  }

  /**
   * The notice is locked before any recipient row, as the portal's confirmation does: a link
   * confirms for several consumers and their colleagues, and taking their rows in a different
   * order than another confirmation could deadlock.
   */
  async byToken(token: string, action: AckAction, now: Date = new Date()): Promise<AckState> {
    return this.db.transaction(async () => {
      const [{ noticeId }] = await this.valid(token, now);
      const notice = (await this.notices.lock(noticeId))!;
      // Read again under the lock: a withdrawal or another confirmation may have come in between.
      const mine = await this.valid(token, now);
      if (action === 'ready' && !needsWork(notice.kind)) throw new AcknowledgementNotOffered();
      const open = mine.filter((r) => (action === 'read' ? !r.readAt : !r.readyAt));
      if (!open.length) throw new AcknowledgementAlreadyGiven(action);
      const linked = new Set(mine.map((r) => r.id));
      const colleagues =
        action === 'ready'
          ? (await this.notices.recipientsOfConsumersFor(notice.id, [...new Set(open.map((r) => r.consumerId))])).filter(
              (r) => !linked.has(r.id) && !r.readyAt,
            )
          : [];
      // Ready implies read, also for a consumer a colleague had already made ready.
      const readyUnread = action === 'ready' ? mine.filter((r) => r.readyAt && !r.readAt) : [];
      for (const r of readyUnread) await this.notices.updateRecipient(r.id, { readAt: now });
      await this.mark(open, action, now, { kind: 'system', id: null, label: mine[0].email }, colleagues);
      return this.state(await this.notices.recipientsByToken(mine[0].tokenHash));
    });
  }

  /**
   * A portal user or the API confirms for their organisation: every recipient of it for this
   * notice. Confirming what is already confirmed changes nothing and is no error, so a client
   * may retry.
   */
  async forConsumer(consumerId: string, noticeId: string, action: AckAction, actor: Actor, now: Date = new Date()): Promise<void> {
    await this.db.transaction(async () => {
      const notice = await this.notices.lock(noticeId);
      const mine = await this.notices.recipientsOfConsumersFor(noticeId, [consumerId]);
      if (!notice || !mine.length) throw new NoticeNotFound();
      if (notice.status === 'withdrawn') throw new NoticeWithdrawn();
      if (action === 'ready' && !needsWork(notice.kind)) throw new AcknowledgementNotOffered();
      const open = mine.filter((r) => (action === 'read' ? !r.readAt : !r.readyAt));
      if (!open.length) return;
      await this.mark(open, action, now, actor);
    });
  }

  private async valid(token: string, now: Date): Promise<NoticeRecipient[]> {
    const sentTo = token ? await this.notices.recipientsByToken(hashToken(token)) : [];
    // The link answers only for the municipalities its address is still a contact of, and that may
    // still use the desk: a removed contact no longer speaks for the organisation.
    const standing = sentTo.length ? new Set((await this.contacts.byEmail(sentTo[0].email)).map((c) => c.consumerId)) : new Set();
    const mine = sentTo.filter((r) => standing.has(r.consumerId));
    if (!mine.length) throw new AcknowledgementLinkInvalid();
    if (mine[0].tokenExpiresAt.getTime() <= now.getTime()) throw new AcknowledgementLinkExpired();
    const notice = await this.notices.find(mine[0].noticeId);
    if (!notice || notice.status === 'withdrawn') throw new NoticeWithdrawn();
    return mine;
  }

  private async state(mine: NoticeRecipient[]): Promise<AckState> {
    const notice = (await this.notices.find(mine[0].noticeId))!;
    const allAt = (at: Array<Date | null>) => (at.every(Boolean) ? new Date(Math.max(...at.map((d) => d!.getTime()))) : null);
    return {
      noticeId: notice.id,
      title: notice.title,
      consumerNames: [...new Set(mine.map((r) => r.consumerName))].sort((a, b) => a.localeCompare(b, 'nb')),
      needsWork: needsWork(notice.kind),
      readAt: allAt(mine.map((r) => r.readAt)),
      readyAt: allAt(mine.map((r) => r.readyAt)),
    };
  }

  /** `alsoReady`: colleagues whose organisation is now ready, though they have not read the notice themselves. */
  private async mark(
    recipients: NoticeRecipient[],
    action: AckAction,
    now: Date,
    actor: Actor,
    alsoReady: NoticeRecipient[] = [],
  ): Promise<void> {
    for (const r of recipients)
      // Ready implies read.
      await this.notices.updateRecipient(r.id, action === 'read' ? { readAt: now } : { readyAt: now, readAt: r.readAt ?? now });
    for (const r of alsoReady) await this.notices.updateRecipient(r.id, { readyAt: now });
    const ready = action === 'ready';
    await this.audit.execute({
      actor,
      action: ready ? 'notice.acknowledged_ready' : 'notice.acknowledged_read',
      objectType: 'notice',
      objectId: recipients[0].noticeId,
      after: {
        consumerIds: [...new Set(recipients.map((r) => r.consumerId))],
        recipients: [...new Set([...recipients, ...alsoReady].map((r) => r.email))],
      },
    });
  }
}
