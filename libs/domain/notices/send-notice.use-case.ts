import { RecordAudit } from '@domain/audit';
import { type Actor, type Environment, ENVIRONMENT_MAIL_LABELS, SYSTEM_ACTOR } from '@domain/shared';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';
import { EnqueueEmail } from '@platform/mail';
import { hashToken, newSecretToken } from '@platform/security';

import { KnownServices } from './known-services';
import { NOTICE_MAIL } from './mail/notice.mail';
import { NOTICE_KIND_LABELS, noticeSubjectLabel, ROLE_TEXT_HEADINGS } from './mail/notice-mail.texts.nb';
import type { Notice } from './notice.entity';
import { NoticeRepository } from './notice.repository';
import { NoticeAudience } from './notice-audience';
import { NoticeHasNoRecipients, NoticeNotFound, NoticeWithdrawn } from './notices.exceptions';
import { mailingsOf } from './rules/audience';
import { needsWork, textsForRoles } from './rules/notice-input';

const DAY = 86_400_000;

export interface SendResult {
  id: string;
  status: 'sent';
  /** Addresses written to: one e-mail each. */
  recipients: number;
  /** False when the notice had been sent before: nothing was sent this time. */
  sentNow: boolean;
}

/**
 * Sends a draft or scheduled notice: the audience is fixed as recipients (a row per consumer and
 * address), and one e-mail per address, naming every consumer it is a contact for, is written to
 * the outbox with a personal acknowledgement token (only its hash kept), all in one transaction.
 * The notice row is locked first, so of two concurrent sends one does the work and the other
 * finds it sent; a second send does nothing.
 */
@Injectable()
export class SendNotice {
  constructor(
    private readonly db: DatabaseContext,
    private readonly notices: NoticeRepository,
    private readonly audience: NoticeAudience,
    private readonly known: KnownServices,
    private readonly email: EnqueueEmail,
    private readonly audit: RecordAudit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(id: string, actor: Actor, now: Date = new Date()): Promise<SendResult> {
    // Sent whatever its status: staff send a draft or a scheduled notice at once.
    return (await this.send(id, actor, now, () => true))!;
  }

  /**
   * The worker's send of a scheduled notice whose time has come. Staff may have unscheduled or
   * rescheduled it since the worker listed it: then null, and nothing is sent.
   */
  async executeWhenDue(id: string, now: Date): Promise<SendResult | null> {
    return this.send(id, SYSTEM_ACTOR, now, (notice) => notice.status === 'scheduled' && !!notice.scheduledAt && notice.scheduledAt <= now);
  }

  private async send(id: string, actor: Actor, now: Date, due: (notice: Notice) => boolean): Promise<SendResult | null> {
    return this.db.transaction(async () => {
      const notice = await this.notices.lock(id);
      if (!notice) throw new NoticeNotFound();
      if (!due(notice)) return null;
      if (notice.status === 'withdrawn') throw new NoticeWithdrawn();
      if (notice.status === 'sent') {
        const addresses = new Set((await this.notices.recipients(id)).map((r) => r.email));
        return { id, status: 'sent', recipients: addresses.size, sentNow: false };
      }
      const recipients = await this.audience.of(notice);
      if (!recipients.length) throw new NoticeHasNoRecipients();
      const expiresAt = new Date(notice.effectiveAt.getTime() + this.config.notices.ackLinkDaysAfterEffective * DAY);
      const names = await this.known.names(notice.services, notice.effectiveAt);
      const nameOf = new Map(notice.services.map((code, i) => [code, names[i]]));
      const serviceNames = (codes: string[]) => codes.map((code) => nameOf.get(code) ?? code);
      const rows = [];
      const mailings = mailingsOf(recipients);
      for (const m of mailings) {
        const token = newSecretToken('nack');
        const { messageId } = await this.email.execute({
          template: NOTICE_MAIL,
          to: [m.email],
          dedupeKey: `notice:${id}:${m.email}`,
          related: { type: 'notice', id },
          data: {
            name: m.name,
            title: notice.title,
            kindLabel: NOTICE_KIND_LABELS[notice.kind],
            subjectLabel: noticeSubjectLabel(notice.kind),
            consumerNames: m.consumers.map((c) => c.consumerName),
            // Each reads the services of the notice its organisations have access to.
            services: serviceNames(m.services),
            servicesByConsumer:
              m.consumers.length > 1 ? m.consumers.map((c) => ({ name: c.consumerName, services: serviceNames(c.services) })) : [],
            environments: notice.environments.map((e) => ENVIRONMENT_MAIL_LABELS[e as Environment] ?? e),
            effectiveAt: notice.effectiveAt,
            ...this.texts(notice, m.roles),
            links: notice.links,
            ackUrl: `${this.config.publicUrl}/varsler/kvittering/${token}`,
            needsWork: needsWork(notice.kind),
            ackExpiresAt: expiresAt,
          },
        });
        // One row per consumer the address answers for, sharing the e-mail and its link.
        for (const r of m.consumers) rows.push({ noticeId: id, ...r, messageId, tokenHash: hashToken(token), tokenExpiresAt: expiresAt });
      }
      await this.notices.insertRecipients(rows);
      await this.notices.update(id, { status: 'sent', sentAt: now });
      await this.audit.execute({
        actor,
        action: 'notice.sent',
        objectType: 'notice',
        objectId: id,
        before: { status: notice.status },
        after: { status: 'sent', recipients: mailings.length, consumers: new Set(recipients.map((r) => r.consumerId)).size },
      });
      return { id, status: 'sent', recipients: mailings.length, sentNow: true };
    });
  }

  /** The text for the address's roles; where its consumers gave it several, each role's own text too. */
  private texts(notice: Notice, roles: string[]) {
    const { text, roleTexts } = textsForRoles(notice, roles);
    return { body: text, roleTexts: roleTexts.map((t) => ({ heading: ROLE_TEXT_HEADINGS[t.role] ?? t.role, text: t.text })) };
  }
}
