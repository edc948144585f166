import { AuditEntry } from '@domain/audit';
import { CatalogueService, CatalogueVersion } from '@domain/catalogue';
import { ChangeRequest, ChangeRequestSupport } from '@domain/change-requests';
import {
  Consumer,
  ConsumerAgreement,
  ConsumerApiKey,
  ConsumerContact,
  ConsumerService,
  PortalSession,
  PortalSignInToken,
} from '@domain/consumers';
import { ApiToken, PasswordSetToken, SetupToken, StaffGroup, StaffGroupMember, StaffSession, StaffUser } from '@domain/identity';
import {
  Escalation,
  GroupingLesson,
  IdempotencyRecord,
  Incident,
  IncidentEvent,
  IncidentMessage,
  MergeProposal,
  Report,
  SecurityCase,
} from '@domain/incidents';
import { KnowledgeArticle, KnowledgeArticleVersion, KnowledgeDeflection } from '@domain/knowledge';
import { Notice, NoticeFeed, NoticeFeedEntry, NoticeRecipient, NoticeReminder, OperationalMessage } from '@domain/notices';
import { CasePresence, Notification } from '@domain/notifications';
import { CannedResponse, InboundAttachment, InboundMessage, Ticket, TicketEvent, TicketLink, TicketMessage } from '@domain/support';
import { DomainEvent } from '@platform/events';
import { WorkerHeartbeat } from '@platform/heartbeat';
import { OutboxMessage } from '@platform/mail';
import { AttemptWindow } from '@platform/rate-limit';

/** Every entity, for the DataSource and the migration generator (no globbing: it must work in Jest too). */
export const ENTITIES = [
  AuditEntry,
  CatalogueVersion,
  CatalogueService,
  ApiToken,
  PasswordSetToken,
  SetupToken,
  StaffSession,
  StaffUser,
  StaffGroup,
  StaffGroupMember,
  OutboxMessage,
  WorkerHeartbeat,
  AttemptWindow,
  DomainEvent,
  Consumer,
  ConsumerContact,
  ConsumerService,
  ConsumerAgreement,
  ConsumerApiKey,
  PortalSignInToken,
  PortalSession,
  Incident,
  Report,
  Escalation,
  SecurityCase,
  IncidentEvent,
  MergeProposal,
  IdempotencyRecord,
  KnowledgeArticle,
  KnowledgeArticleVersion,
  KnowledgeDeflection,
  GroupingLesson,
  ChangeRequest,
  ChangeRequestSupport,
  Notification,
  CasePresence,
  Notice,
  NoticeFeed,
  NoticeFeedEntry,
  NoticeRecipient,
  NoticeReminder,
  Ticket,
  TicketMessage,
  TicketEvent,
  TicketLink,
  CannedResponse,
  OperationalMessage,
  IncidentMessage,
  InboundMessage,
  InboundAttachment,
];
