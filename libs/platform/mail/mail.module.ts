import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';

import { DeliverOutbox } from './deliver-outbox.use-case';
import { EnqueueEmail } from './enqueue-email.use-case';
import { ListOutboxMessages } from './list-outbox-messages.use-case';
import { MailTransport } from './mail-transport';
import { OutboxRepository } from './outbox.repository';
import { TemplateRenderer } from './template-renderer';

@Global()
@Module({
  providers: [
    OutboxRepository,
    EnqueueEmail,
    DeliverOutbox,
    ListOutboxMessages,
    MailTransport,
    {
      provide: TemplateRenderer,
      useFactory: (config: AppConfig) => new TemplateRenderer({ publicUrl: config.publicUrl, ksContact: config.ksContact }),
      inject: [APP_CONFIG],
    },
  ],
  exports: [EnqueueEmail, DeliverOutbox, ListOutboxMessages, TemplateRenderer],
})
export class MailModule {}
