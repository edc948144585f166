import { AuditEntry } from '@domain/audit';
import { CatalogueService } from '@domain/catalogue';
import { CatalogueVersion } from '@domain/catalogue';
import { Consumer } from '@domain/consumers';
import { ConsumerAgreement } from '@domain/consumers';
import { ConsumerApiKey } from '@domain/consumers';
import { ConsumerContact } from '@domain/consumers';
import { ConsumerService } from '@domain/consumers';
import { PortalSession } from '@domain/consumers';
import { PortalSignInToken } from '@domain/consumers';
import { ApiToken } from '@domain/identity';
import { PasswordSetToken } from '@domain/identity';
import { StaffSession } from '@domain/identity';
import { StaffUser } from '@domain/identity';
import { Escalation } from '@domain/incidents';
import { GroupingLesson } from '@domain/incidents';
import { IdempotencyRecord } from '@domain/incidents';
import { Incident } from '@domain/incidents';
import { IncidentEvent } from '@domain/incidents';
import { MergeProposal } from '@domain/incidents';
import { Report } from '@domain/incidents';
import { KnowledgeArticle } from '@domain/knowledge';
import { OutboxMessage } from '@platform/mail';

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
