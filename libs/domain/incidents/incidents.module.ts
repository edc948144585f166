import { AuditModule } from '@domain/audit';
import { CatalogueModule } from '@domain/catalogue';
import { ConsumersModule } from '@domain/consumers';
import { KnowledgeModule } from '@domain/knowledge';
import { NotificationsModule } from '@domain/notifications';
import { ReferenceSequence } from '@domain/shared';
import { Module } from '@nestjs/common';

import { BackfillGroupingProfiles } from './backfill-grouping-profiles.use-case';
import { CorrectGrouping } from './correct-grouping.use-case';
import { EscalateIncident } from './escalate-incident.use-case';
import { EscalationRepository } from './escalation.repository';
import { EscalationMessage } from './escalation-message';
import { GroupingLessonRepository } from './grouping-lesson.repository';
import { IdempotencyRecordRepository } from './idempotency-record.repository';
import { ImportReports } from './import-reports.use-case';
import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentGroupingStore } from './incident-grouping-store';
import { IncidentMerger } from './incident-merger';
import { IncidentQueries } from './incident-queries.use-case';
import { IncidentStatistics } from './incident-statistics.use-case';
import { JoinIncident } from './join-incident.use-case';
import { KnownIncidents } from './known-incidents.use-case';
import { MatchingCorpus } from './matching-corpus';
import { MergeProposalRepository } from './merge-proposal.repository';
import { PersonalDataVault } from './personal-data-vault';
import { PreviewEscalation } from './preview-escalation.use-case';
import { PurgeIdempotencyKeys } from './purge-idempotency-keys.use-case';
import { ReceiveReport } from './receive-report.use-case';
import { ReclusterIncidents } from './recluster-incidents.use-case';
import { ReportRepository } from './report.repository';
import { ReportOwnership } from './report-ownership';
import { ResolveIncident } from './resolve-incident.use-case';
import { RevealPersonalData } from './reveal-personal-data.use-case';
import { SearchIncidents } from './search-incidents.use-case';
import { SendDueEscalations } from './send-due-escalations.use-case';
import { SendEscalationFollowUps } from './send-escalation-follow-ups.use-case';
import { SubmitReport } from './submit-report.use-case';
import { TriageIncident } from './triage-incident.use-case';

const useCases = [
  BackfillGroupingProfiles,
  CorrectGrouping,
  EscalateIncident,
  ImportReports,
  IncidentQueries,
  IncidentStatistics,
  JoinIncident,
  KnownIncidents,
  PreviewEscalation,
  PurgeIdempotencyKeys,
  ReceiveReport,
  ReclusterIncidents,
  ResolveIncident,
  RevealPersonalData,
  SearchIncidents,
  SendDueEscalations,
  SendEscalationFollowUps,
  SubmitReport,
  TriageIncident,
];

@Module({
  imports: [AuditModule, CatalogueModule, ConsumersModule, KnowledgeModule, NotificationsModule],
  providers: [
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
    MatchingCorpus,
    EscalationMessage,
    PersonalDataVault,
    ReportOwnership,
    ...useCases,
  ],
  exports: [...useCases, ReportOwnership],
})
export class IncidentsModule {}
