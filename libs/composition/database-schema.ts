import type { DatabaseSchema } from '@platform/database';

import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';

/** The product's entities and hand-written migrations, handed to the platform's database module. */
export const DATABASE_SCHEMA: DatabaseSchema = {
  entities: ENTITIES,
  migrations: MIGRATIONS,
  // The audit log: its trigger refuses changes, and with a migration role its grants do too.
  appendOnlyTables: ['audit_entry'],
};
