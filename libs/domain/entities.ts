import { OutboxMessage } from '../notifications/outbox-message.entity';
import { AuditEntry } from './audit/audit-entry.entity';
import { CatalogueService } from './catalogue/catalogue-service.entity';
import { CatalogueVersion } from './catalogue/catalogue-version.entity';
import { Consumer } from './consumers/consumer.entity';
import { ConsumerAgreement } from './consumers/consumer-agreement.entity';
import { ConsumerApiKey } from './consumers/consumer-api-key.entity';
import { ConsumerContact } from './consumers/consumer-contact.entity';
import { ConsumerService } from './consumers/consumer-service.entity';
import { PortalSession } from './consumers/portal-session.entity';
import { PortalSignInToken } from './consumers/portal-sign-in-token.entity';
import { ApiToken } from './identity/api-token.entity';
import { PasswordSetToken } from './identity/password-set-token.entity';
import { StaffSession } from './identity/staff-session.entity';
import { StaffUser } from './identity/staff-user.entity';
import { Escalation } from './incidents/escalation.entity';
import { GroupingLesson } from './incidents/grouping-lesson.entity';
import { IdempotencyRecord } from './incidents/idempotency-record.entity';
import { Incident } from './incidents/incident.entity';
import { IncidentEvent } from './incidents/incident-event.entity';
import { KnowledgeArticle } from './incidents/knowledge-article.entity';
import { MergeProposal } from './incidents/merge-proposal.entity';
import { Report } from './incidents/report.entity';

/** Every entity, for the DataSource and the migration generator (no globbing: it must work in Jest too). */
export const ENTITIES = [
  AuditEntry,
  CatalogueVersion,
  CatalogueService,
  ApiToken,
  PasswordSetToken,
  StaffSession,
  StaffUser,
  OutboxMessage,
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
  IncidentEvent,
  MergeProposal,
  IdempotencyRecord,
  KnowledgeArticle,
  GroupingLesson,
];
