import { AuditEntry } from './audit/audit-entry.entity';
import { ApiToken } from './identity/api-token.entity';
import { PasswordSetToken } from './identity/password-set-token.entity';
import { StaffSession } from './identity/staff-session.entity';
import { StaffUser } from './identity/staff-user.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';

/** Every entity, for the DataSource and the migration generator (no globbing: it must work in Jest too). */
export const ENTITIES = [AuditEntry, ApiToken, PasswordSetToken, StaffSession, StaffUser, OutboxMessage];
