import { Initial1795445597964 } from './1795445597964-initial';
import { Catalogue1795446000000 } from './1795446000000-catalogue';
import { Consumers1795446100000 } from './1795446100000-consumers';
import { Incidents1795446200000 } from './1795446200000-incidents';
import { EscalationPendingReports1795446300000 } from './1795446300000-escalation-pending-reports';
import { GroupingProfiles1795446400000 } from './1795446400000-grouping-profiles';
import { SearchIndexes1795446500000 } from './1795446500000-search-indexes';
import { SetupToken1795446520000 } from './1795446520000-setup-token';
import { IdempotencyClaimInTransaction1795447000000 } from './1795447000000-idempotency-claim-in-transaction';
import { Notices1795447500000 } from './1795447500000-notices';
import { DomainEvents1795447600000 } from './1795447600000-domain-events';
import { ChangeRequests1795448000000 } from './1795448000000-change-requests';
import { FeedsAndKnownIssues1795449000000 } from './1795449000000-feeds-and-known-issues';
import { Tickets1795450000000 } from './1795450000000-tickets';
import { KnowledgeBase1795452000000 } from './1795452000000-knowledge-base';
import { IncidentConversations1795453000000 } from './1795453000000-incident-conversations';
import { ReportVendor1795455000000 } from './1795455000000-report-vendor';
import { SecurityCases1795455100000 } from './1795455100000-security-cases';
import { GlobalSearch1795456000000 } from './1795456000000-global-search';
import { Notifications1795456100000 } from './1795456100000-notifications';
import { CasePresence1795456200000 } from './1795456200000-case-presence';
import { TicketSla1795457000000 } from './1795457000000-ticket-sla';
import { TicketMail1795458000000 } from './1795458000000-ticket-mail';
import { AssignmentGroups1795459000000 } from './1795459000000-assignment-groups';
import { CacheNotifications1795462000000 } from './1795462000000-cache-notifications';
import { KnowledgeNotifications1795463000000 } from './1795463000000-knowledge-notifications';
import { ContactNotifications1795464000000 } from './1795464000000-contact-notifications';
import { ReportIncidentConsumerIndex1795465000000 } from './1795465000000-report-incident-consumer-index';
import { IncidentReportCounts1795466000000 } from './1795466000000-incident-report-counts';
import { IncidentAttachAtCommit1795467000000 } from './1795467000000-incident-attach-at-commit';
import { IncidentReportCountsIncremental1795468000000 } from './1795468000000-incident-report-counts-incremental';
import { JsonbAddCountsByContribution1795469000000 } from './1795469000000-jsonb-add-counts-by-contribution';
import { IncidentProfileUncompressed1795470000000 } from './1795470000000-incident-profile-uncompressed';
import { IncidentTitledByStaffIndex1795471000000 } from './1795471000000-incident-titled-by-staff-index';
import { IncidentAttachmentsFoldedAfterCommit1795472000000 } from './1795472000000-incident-attachments-folded-after-commit';
import { IdempotencyClaimInOneStatement1795473000000 } from './1795473000000-idempotency-claim-in-one-statement';
import { IncidentFoldByPendingAttachments1795474000000 } from './1795474000000-incident-fold-by-pending-attachments';
import { IncidentProfileVersion1795475000000 } from './1795475000000-incident-profile-version';
import { IdempotencyClaimAfterPurge1795476000000 } from './1795476000000-idempotency-claim-after-purge';
import { IdempotencyKeyLock1795477000000 } from './1795477000000-idempotency-key-lock';
import { WorkerHeartbeat1795478000000 } from './1795478000000-worker-heartbeat';
import { OutboxSentAtIndex1795479000000 } from './1795479000000-outbox-sent-at-index';
import { NoticeRecipientPerConsumer1795480000000 } from './1795480000000-notice-recipient-per-consumer';
import { IncidentMessageApiChannel1795481000000 } from './1795481000000-incident-message-api-channel';
import { AttemptWindows1795482000000 } from './1795482000000-attempt-windows';
import { IncidentMessageThreadRoot1795483000000 } from './1795483000000-incident-message-thread-root';
import { ReportCreatedXid1795484000000 } from './1795484000000-report-created-xid';
import { DatabaseOrigin1795485000000 } from './1795485000000-database-origin';
import { IncidentCountsLockWithoutKey1795486000000 } from './1795486000000-incident-counts-lock-without-key';

/** Every migration, in order (listed, not globbed, so the same list works in Jest and in dist/). */
export const MIGRATIONS = [
  Initial1795445597964,
  Catalogue1795446000000,
  Consumers1795446100000,
  Incidents1795446200000,
  EscalationPendingReports1795446300000,
  GroupingProfiles1795446400000,
  SearchIndexes1795446500000,
  SetupToken1795446520000,
  IdempotencyClaimInTransaction1795447000000,
  Notices1795447500000,
  DomainEvents1795447600000,
  ChangeRequests1795448000000,
  FeedsAndKnownIssues1795449000000,
  Tickets1795450000000,
  KnowledgeBase1795452000000,
  IncidentConversations1795453000000,
  ReportVendor1795455000000,
  SecurityCases1795455100000,
  GlobalSearch1795456000000,
  Notifications1795456100000,
  CasePresence1795456200000,
  TicketSla1795457000000,
  TicketMail1795458000000,
  AssignmentGroups1795459000000,
  CacheNotifications1795462000000,
  KnowledgeNotifications1795463000000,
  ContactNotifications1795464000000,
  ReportIncidentConsumerIndex1795465000000,
  IncidentReportCounts1795466000000,
  IncidentAttachAtCommit1795467000000,
  IncidentReportCountsIncremental1795468000000,
  JsonbAddCountsByContribution1795469000000,
  IncidentProfileUncompressed1795470000000,
  IncidentTitledByStaffIndex1795471000000,
  IncidentAttachmentsFoldedAfterCommit1795472000000,
  IdempotencyClaimInOneStatement1795473000000,
  IncidentFoldByPendingAttachments1795474000000,
  IncidentProfileVersion1795475000000,
  IdempotencyClaimAfterPurge1795476000000,
  IdempotencyKeyLock1795477000000,
  WorkerHeartbeat1795478000000,
  OutboxSentAtIndex1795479000000,
  NoticeRecipientPerConsumer1795480000000,
  IncidentMessageApiChannel1795481000000,
  AttemptWindows1795482000000,
  IncidentMessageThreadRoot1795483000000,
  ReportCreatedXid1795484000000,
  DatabaseOrigin1795485000000,
  IncidentCountsLockWithoutKey1795486000000,
];
