import { DataSource } from 'typeorm';

/** The role the application's own connections log in as. */
export function applicationRole(dataSource: DataSource): string {
  const options = dataSource.options as { url?: string };
  const user = options.url ? decodeURIComponent(new URL(options.url).username) : '';
  if (!user) throw new Error('DATABASE_URL must name the application role (postgres://role@host/db) when MIGRATION_DATABASE_URL is set');
  return user;
}

const quoted = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * What the application's role may do once the owner has migrated: read and write the tables,
 * but only read and add to the append-only ones. Not owning them, it cannot disable their
 * triggers or change their grants, and without superuser it cannot set
 * session_replication_role either: the audit log stays append-only against the application itself.
 * Run on every start, so tables of new migrations are covered.
 */
export async function grantApplicationRole(owner: DataSource, role: string, appendOnlyTables: string[]): Promise<void> {
  const [{ schema }] = (await owner.query(`SELECT current_schema() AS schema`)) as Array<{ schema: string }>;
  const [s, r] = [quoted(schema), quoted(role)];
  await owner.transaction(async (m) => {
    await m.query(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
    await m.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`);
    await m.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
    for (const table of appendOnlyTables) await m.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${s}.${quoted(table)} FROM ${r}`);
  });
}
