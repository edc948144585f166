import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';

import type { MailTemplate } from './mail-template';
import { type NewOutboxMessage, OutboxRepository } from './outbox.repository';
import { TemplateRenderer } from './template-renderer';

export interface EmailRequest<T extends object> {
  template: MailTemplate<T>;
  to: string[];
  /** What the template reads: its type comes from the template, so another shape does not compile. */
  data: NoInfer<T>;
  /** Same key, same logical message: enqueued at most once. */
  dedupeKey: string;
  inReplyTo?: string | null;
  references?: string[];
  related?: { type: string; id: string };
  /** Fix the Message-ID in advance, e.g. the first message of an escalation thread. */
  messageId?: string;
}

/**
 * Enqueue = insert an outbox row in the caller's transaction. Nothing is sent from a request;
 * the worker delivers. Returns the Message-ID (the existing one if this key was enqueued before).
 */
@Injectable()
export class EnqueueEmail {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly renderer: TemplateRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  newMessageId(): string {
    return `<${randomUUID()}@${new URL(this.config.publicUrl).hostname || 'segmentdesk'}>`;
  }

  async execute<T extends object>(request: EmailRequest<T>): Promise<{ messageId: string; created: boolean }> {
    return this.outbox.insertOnce(this.prepare(request));
  }

  /** The outbox row of a message, rendered, for a caller that stores it in a statement of its own (outboxInsertSql). */
  prepare<T extends object>(request: EmailRequest<T>): NewOutboxMessage {
    const to = [...new Set(request.to.map((a) => a.trim().toLowerCase()).filter(Boolean))];
    if (!to.length) throw new Error(`E-mail ${request.template.name} has no recipients`);
    const rendered = this.renderer.render(request.template, request.data);
    return {
      messageId: request.messageId ?? this.newMessageId(),
      dedupeKey: request.dedupeKey,
      template: request.template.name,
      to,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      inReplyTo: request.inReplyTo ?? null,
      references: request.references ?? [],
      relatedType: request.related?.type ?? null,
      relatedId: request.related?.id ?? null,
    };
  }
}
