import { AuditModule } from '@domain/audit';
import { CatalogueModule } from '@domain/catalogue';
import { ConsumersModule } from '@domain/consumers';
import { Module } from '@nestjs/common';

import { AcknowledgeNotice } from './acknowledge-notice.use-case';
import { CreateNotice } from './create-notice.use-case';
import { GetNotice } from './get-notice.use-case';
import { KnownServices } from './known-services';
import { ListConsumerNotices } from './list-consumer-notices.use-case';
import { NoticeRepository } from './notice.repository';
import { NoticeAcknowledgementRates } from './notice-acknowledgement-rates.use-case';
import { NoticeAudience } from './notice-audience';
import { PreviewNoticeAudience } from './preview-notice-audience.use-case';
import { ProposeNoticeFromCatalogue } from './propose-notice-from-catalogue.use-case';
import { ScheduleNotice } from './schedule-notice.use-case';
import { SendDueNotices } from './send-due-notices.use-case';
import { SendNotice } from './send-notice.use-case';
import { SendNoticeReminders } from './send-notice-reminders.use-case';
import { UpdateNotice } from './update-notice.use-case';
import { WithdrawNotice } from './withdraw-notice.use-case';

const useCases = [
  AcknowledgeNotice,
  CreateNotice,
  GetNotice,
  ListConsumerNotices,
  NoticeAcknowledgementRates,
  PreviewNoticeAudience,
  ProposeNoticeFromCatalogue,
  ScheduleNotice,
  SendDueNotices,
  SendNotice,
  SendNoticeReminders,
  UpdateNotice,
  WithdrawNotice,
];

/** Change notices (endringsvarsler): written by KS, sent to exactly the affected consumers' contacts, acknowledged and reminded. */
@Module({
  imports: [AuditModule, CatalogueModule, ConsumersModule],
  providers: [NoticeRepository, NoticeAudience, KnownServices, ...useCases],
  exports: useCases,
})
export class NoticesModule {}
