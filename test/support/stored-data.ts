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

/**
 * Reads one digest per application table of all its rows (order-independent: a sum of row
 * hashes, so nothing is sorted), for "nothing stored changed". Left out: `ignoredTables` and,
 * in every row, the columns named in `ignoredColumns`.
 */
export async function storedFingerprint(
  t: TestApp,
  ignoredTables: readonly string[],
  ignoredColumns: readonly string[],
): Promise<() => Promise<Record<string, string>>> {
  const columns: Array<{ table_name: string; column_name: string }> = await t.dataSource.query(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const tables = new Map<string, string[]>();
  for (const c of columns)
    if (!ignoredTables.includes(c.table_name) && !ignoredColumns.includes(c.column_name))
      tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), `"${c.column_name}"`]);
  const digests = [...tables].map(
    ([name, cols]) =>
      `(SELECT count(*) || ':' || coalesce(sum(hashtextextended(ROW(${cols.join(', ')})::text, 0)::numeric), 0) FROM "${name}") AS "${name}"`,
  );
  const sql = `SELECT ${digests.join(', ')}`;
  return async () => ((await t.dataSource.query(sql)) as Array<Record<string, string>>)[0];
}

/** Incidents whose kept report and consumer counts differ from their stored reports, with both. */
export async function incidentsWithStaleCounts(t: TestApp): Promise<Array<Record<string, unknown>>> {
  return t.dataSource.query(
    `SELECT i.reference, i.report_count, i.consumer_count, c.reports, c.consumers
     FROM incident i
     CROSS JOIN LATERAL (SELECT count(*)::int AS reports, count(DISTINCT consumer_id)::int AS consumers FROM report r WHERE r.incident_id = i.id) c
     WHERE (i.report_count, i.consumer_count) IS DISTINCT FROM (c.reports, c.consumers)`,
  );
}
