import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import type { PersonalDataMask } from '@platform/logging';

import { DeliverOutbox } from './deliver-outbox.use-case';
import { EnqueueEmail } from './enqueue-email.use-case';
import { ListOutboxMessages } from './list-outbox-messages.use-case';
import { MailTransport } from './mail-transport';
import { OutboxRepository } from './outbox.repository';
import { TemplateRenderer } from './template-renderer';

@Global()
@Module({})
export class MailModule {
  /** `maskPersonalData` is applied to every rendered e-mail (template-renderer.ts). */
  static forRoot(maskPersonalData: PersonalDataMask): DynamicModule {
    return {
      module: MailModule,
      providers: [
        OutboxRepository,
        EnqueueEmail,
        DeliverOutbox,
        ListOutboxMessages,
        MailTransport,
        {
          provide: TemplateRenderer,
          useFactory: (config: AppConfig) =>
            new TemplateRenderer({ publicUrl: config.publicUrl, ksContact: config.ksContact }, maskPersonalData),
          inject: [APP_CONFIG],
        },
      ],
      exports: [EnqueueEmail, DeliverOutbox, ListOutboxMessages, TemplateRenderer],
    };
  }
}
