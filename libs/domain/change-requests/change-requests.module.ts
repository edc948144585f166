import { AuditModule } from '@domain/audit';
import { CatalogueModule } from '@domain/catalogue';
import { ConsumersModule } from '@domain/consumers';
import { NotificationsModule } from '@domain/notifications';
import { ReferenceSequence } from '@domain/shared';
import { Module } from '@nestjs/common';

import { AssessChangeRequest } from './assess-change-request.use-case';
import { ChangeRequestRepository } from './change-request.repository';
import { ChangeRequestOutcome } from './change-request-outcome';
import { ChangeRequestQueries } from './change-request-queries.use-case';
import { ChangeRequestThread } from './change-request-thread';
import { ForwardChangeRequest } from './forward-change-request.use-case';
import { MergeChangeRequests } from './merge-change-requests.use-case';
import { ReceiveChangeRequestMail } from './receive-change-request-mail.use-case';
import { RecordChangeRequestAnswer } from './record-change-request-answer.use-case';
import { SearchChangeRequests } from './search-change-requests.use-case';
import { SubmitChangeRequest } from './submit-change-request.use-case';
import { SupportChangeRequest } from './support-change-request.use-case';

const useCases = [
  AssessChangeRequest,
  ChangeRequestQueries,
  ForwardChangeRequest,
  MergeChangeRequests,
  ReceiveChangeRequestMail,
  RecordChangeRequestAnswer,
  SearchChangeRequests,
  SubmitChangeRequest,
  SupportChangeRequest,
];

/** Change requests (endringsønsker): the segment's wishes for Skatteetaten's services, supported, assessed and forwarded once. */
@Module({
  imports: [AuditModule, CatalogueModule, ConsumersModule, NotificationsModule],
  providers: [ChangeRequestRepository, ChangeRequestOutcome, ChangeRequestThread, ReferenceSequence, ...useCases],
  exports: useCases,
})
export class ChangeRequestsModule {}
