import type { TestApp } from './test-app';

/** Tables whose rows contain `secret` anywhere in their text. */
export async function tablesContaining(t: TestApp, secret: string): Promise<string[]> {
  const tables: Array<{ table_name: string }> = await t.dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const hits: string[] = [];
  for (const { table_name } of tables) {
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM "${table_name}" x WHERE strpos(x::text, $1) > 0`, [secret]);
    if (n > 0) hits.push(table_name);
  }
  return hits;
}

/** The audit actions recorded on one object, oldest first. */
export async function auditActions(t: TestApp, objectId: string): Promise<string[]> {
  const rows: Array<{ action: string }> = await t.dataSource.query(`SELECT action FROM audit_entry WHERE object_id = $1 ORDER BY id`, [
    objectId,
  ]);
  return rows.map((r) => r.action);
}
