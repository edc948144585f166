import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import nodemailer, { Transporter } from 'nodemailer';

import { OutboxMessage } from './outbox-message.entity';

/**
 * Delivers one outbox row. With SMTP_URL: through nodemailer (pooled). Without: the message is
 * kept as "delivered locally" and read in the admin mail view, so a trial needs no mail server.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private transporter: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get kind(): 'smtp' | 'local' {
    return this.config.smtpUrl ? 'smtp' : 'local';
  }

  async send(message: OutboxMessage): Promise<void> {
    if (!this.config.smtpUrl) return;
    this.transporter ??= nodemailer.createTransport(
      this.config.smtpUrl.includes('?') ? this.config.smtpUrl : `${this.config.smtpUrl}?pool=true&maxConnections=5`,
    );
    await this.transporter.sendMail({
      from: this.config.mailFrom,
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      messageId: message.messageId,
      inReplyTo: message.inReplyTo ?? undefined,
      references: message.references.length ? message.references : undefined,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
