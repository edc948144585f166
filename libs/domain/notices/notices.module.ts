import { AuditModule } from '@domain/audit';
import { CatalogueModule } from '@domain/catalogue';
import { ConsumersModule } from '@domain/consumers';
import { Module } from '@nestjs/common';

import { AcknowledgeNotice } from './acknowledge-notice.use-case';
import { CreateNotice } from './create-notice.use-case';
import { EndOperationalMessage } from './end-operational-message.use-case';
import { ExpireOperationalMessages } from './expire-operational-messages.use-case';
import { FeedAddressGuard } from './feed-address-guard';
import { FeedFetcher } from './feed-fetcher';
import { FindActiveOperationalMessage } from './find-active-operational-message.use-case';
import { GetNotice } from './get-notice.use-case';
import { KnownServices } from './known-services';
import { ListConsumerNotices } from './list-consumer-notices.use-case';
import { ListNoticeFeeds } from './list-notice-feeds.use-case';
import { NoticeRepository } from './notice.repository';
import { NoticeAcknowledgementRates } from './notice-acknowledgement-rates.use-case';
import { NoticeAudience } from './notice-audience';
import { NoticeFeedRepository } from './notice-feed.repository';
import { OperationalMessageRepository } from './operational-message.repository';
import { PollNoticeFeeds } from './poll-notice-feeds.use-case';
import { PreviewNoticeAudience } from './preview-notice-audience.use-case';
import { ProposeNoticeFromCatalogue } from './propose-notice-from-catalogue.use-case';
import { RegisterNoticeFeed } from './register-notice-feed.use-case';
import { RegisterOperationalMessage } from './register-operational-message.use-case';
import { ScheduleNotice } from './schedule-notice.use-case';
import { SendDueNotices } from './send-due-notices.use-case';
import { SendNotice } from './send-notice.use-case';
import { SendNoticeReminders } from './send-notice-reminders.use-case';
import { SetNoticeFeedEnabled } from './set-notice-feed-enabled.use-case';
import { UpdateNotice } from './update-notice.use-case';
import { WithdrawNotice } from './withdraw-notice.use-case';

const useCases = [
  AcknowledgeNotice,
  CreateNotice,
  EndOperationalMessage,
  ExpireOperationalMessages,
  FindActiveOperationalMessage,
  GetNotice,
  ListConsumerNotices,
  NoticeAcknowledgementRates,
  ListNoticeFeeds,
  PollNoticeFeeds,
  PreviewNoticeAudience,
  ProposeNoticeFromCatalogue,
  RegisterNoticeFeed,
  RegisterOperationalMessage,
  ScheduleNotice,
  SendDueNotices,
  SendNotice,
  SendNoticeReminders,
  SetNoticeFeedEnabled,
  UpdateNotice,
  WithdrawNotice,
];

/**
 * Change notices (endringsvarsler): written by KS, sent to exactly the affected consumers' contacts, acknowledged and reminded;
 * Skatteetaten's feeds read into draft notices and operational messages.
 */
@Module({
  imports: [AuditModule, CatalogueModule, ConsumersModule],
  providers: [
    NoticeRepository,
    NoticeFeedRepository,
    OperationalMessageRepository,
    NoticeAudience,
    KnownServices,
    FeedAddressGuard,
    FeedFetcher,
    ...useCases,
  ],
  exports: useCases,
})
export class NoticesModule {}
