import { AuditModule } from '@domain/audit';
import { CatalogueModule } from '@domain/catalogue';
import { ConsumersModule } from '@domain/consumers';
import { IdentityModule } from '@domain/identity';
import { KnowledgeModule } from '@domain/knowledge';
import { NoticesModule } from '@domain/notices';
import { NotificationsModule } from '@domain/notifications';
import { ReferenceSequence } from '@domain/shared';
import { Module } from '@nestjs/common';

import { AddInternalNote } from './add-internal-note.use-case';
import { AssignIncident } from './assign-incident.use-case';
import { AttachmentFolder } from './attachment-folder';
import { BackfillGroupingProfiles } from './backfill-grouping-profiles.use-case';
import { ConversationQueries } from './conversation-queries.use-case';
import { CorrectGrouping } from './correct-grouping.use-case';
import { EscalateIncident } from './escalate-incident.use-case';
import { EscalationRepository } from './escalation.repository';
import { EscalationMessage } from './escalation-message';
import { EscalationThread } from './escalation-thread';
import { FoldPendingAttachments } from './fold-pending-attachments.use-case';
import { GroupingLessonRepository } from './grouping-lesson.repository';
import { IdempotencyRecordRepository } from './idempotency-record.repository';
import { ImportReports } from './import-reports.use-case';
import { IncidentRepository } from './incident.repository';
import { CaseActivity } from './incident-activity.use-case';
import { IncidentConversation } from './incident-conversation';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentGroupingStore } from './incident-grouping-store';
import { IncidentMerger } from './incident-merger';
import { IncidentMessageRepository } from './incident-message.repository';
import { IncidentQueries } from './incident-queries.use-case';
import { IncidentStatistics } from './incident-statistics.use-case';
import { IncidentVisibility } from './incident-visibility.use-case';
import { JoinIncident } from './join-incident.use-case';
import { KnownIncidents } from './known-incidents.use-case';
import { MatchingCorpus } from './matching-corpus';
import { MergeProposalRepository } from './merge-proposal.repository';
import { MoveEscalationToSecurityChannel } from './move-escalation-to-security-channel.use-case';
import { NotifyUndeliveredMail } from './notify-undelivered-mail.use-case';
import { PersonalDataVault } from './personal-data-vault';
import { PreviewEscalation } from './preview-escalation.use-case';
import { PurgeIdempotencyKeys } from './purge-idempotency-keys.use-case';
import { ReceiveIncidentMail } from './receive-incident-mail.use-case';
import { ReceiveReport } from './receive-report.use-case';
import { ReclusterIncidents } from './recluster-incidents.use-case';
import { RecordSecurityStep } from './record-security-step.use-case';
import { ReopenIncident } from './reopen-incident.use-case';
import { ReopenReport } from './reopen-report.use-case';
import { ReplyToReport } from './reply-to-report.use-case';
import { ReportRepository } from './report.repository';
import { ReportOwnership } from './report-ownership';
import { ReportingConsumer } from './reporting-consumer';
import { ResolveIncident } from './resolve-incident.use-case';
import { RevealPersonalData } from './reveal-personal-data.use-case';
import { SearchIncidents } from './search-incidents.use-case';
import { SecurityCaseRepository } from './security-case.repository';
import { SecurityCases } from './security-cases.use-case';
import { SendDueEscalations } from './send-due-escalations.use-case';
import { SendEscalationFollowUps } from './send-escalation-follow-ups.use-case';
import { SubmitReport } from './submit-report.use-case';
import { TriageIncident } from './triage-incident.use-case';
import { UncertainPlacements } from './uncertain-placements';
import { WarnSecurityDeadlines } from './warn-security-deadlines.use-case';
import { WriteToMunicipalities } from './write-to-municipalities.use-case';
import { WriteToSkatteetaten } from './write-to-skatteetaten.use-case';

const useCases = [
  CaseActivity,
  AddInternalNote,
  AssignIncident,
  BackfillGroupingProfiles,
  ConversationQueries,
  CorrectGrouping,
  EscalateIncident,
  FoldPendingAttachments,
  ImportReports,
  IncidentQueries,
  IncidentStatistics,
  IncidentVisibility,
  JoinIncident,
  KnownIncidents,
  MoveEscalationToSecurityChannel,
  NotifyUndeliveredMail,
  PreviewEscalation,
  PurgeIdempotencyKeys,
  ReceiveIncidentMail,
  ReceiveReport,
  ReclusterIncidents,
  ReopenIncident,
  ReopenReport,
  ReplyToReport,
  RecordSecurityStep,
  ResolveIncident,
  RevealPersonalData,
  SearchIncidents,
  SecurityCases,
  SendDueEscalations,
  SendEscalationFollowUps,
  SubmitReport,
  TriageIncident,
  WriteToMunicipalities,
  WriteToSkatteetaten,
  WarnSecurityDeadlines,
];

@Module({
  imports: [AuditModule, CatalogueModule, ConsumersModule, IdentityModule, KnowledgeModule, NoticesModule, NotificationsModule],
  providers: [
    ReportingConsumer,
    IncidentRepository,
    ReportRepository,
    EscalationRepository,
    IncidentEventRepository,
    MergeProposalRepository,
    IdempotencyRecordRepository,
    GroupingLessonRepository,
    ReferenceSequence,
    IncidentMerger,
    IncidentGroupingStore,
    AttachmentFolder,
    MatchingCorpus,
    EscalationMessage,
    EscalationThread,
    IncidentMessageRepository,
    IncidentConversation,
    PersonalDataVault,
    ReportOwnership,
    SecurityCaseRepository,
    UncertainPlacements,
    ...useCases,
  ],
  exports: [...useCases, ReportOwnership],
})
export class IncidentsModule {}
