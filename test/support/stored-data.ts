import type { TestApp } from './test-app';

/** The application's tables, by name. */
async function applicationTables(t: TestApp): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await t.dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

/** Tables whose rows contain `secret` anywhere in their text. */
export async function tablesContaining(t: TestApp, secret: string): Promise<string[]> {
  const hits: string[] = [];
  for (const table of await applicationTables(t)) {
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM "${table}" x WHERE strpos(x::text, $1) > 0`, [secret]);
    if (n > 0) hits.push(table);
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

/**
 * Counts every committed change to the rows of each application table, for "nothing stored
 * changed" checked after thousands of requests, where reading a digest of every table each time
 * would take most of the run. Row triggers (and one per table for TRUNCATE) add to a counter in
 * the writing transaction, so a write that is rolled back counts nothing. Left out:
 * `ignoredTables` and, on UPDATE, a change only to the columns named in `ignoredColumns`.
 * Returns a reader of the counts by table.
 */
export async function storedChangeCounts(
  t: TestApp,
  ignoredTables: readonly string[],
  ignoredColumns: readonly string[],
): Promise<() => Promise<Record<string, number>>> {
  const tables = (await applicationTables(t)).filter((table) => !ignoredTables.includes(table));
  const ignored = `ARRAY[${ignoredColumns.map((c) => `'${c}'`).join(', ')}]::text[]`;
  await t.dataSource.query(`CREATE TABLE test_stored_change (table_name text PRIMARY KEY, changes bigint NOT NULL)`);
  await t.dataSource.query(`
    CREATE FUNCTION test_note_stored_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - ${ignored}) = (to_jsonb(OLD) - ${ignored}) THEN RETURN NULL; END IF;
      INSERT INTO test_stored_change VALUES (TG_TABLE_NAME, 1)
        ON CONFLICT (table_name) DO UPDATE SET changes = test_stored_change.changes + 1;
      RETURN NULL;
    END $$`);
  for (const table of tables) {
    await t.dataSource.query(
      `CREATE TRIGGER test_stored_change AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION test_note_stored_change()`,
    );
    await t.dataSource.query(
      `CREATE TRIGGER test_stored_truncate AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION test_note_stored_change()`,
    );
  }
  return async () => {
    const rows: Array<{ table_name: string; changes: string }> = await t.dataSource.query(
      `SELECT table_name, changes FROM test_stored_change`,
    );
    return Object.fromEntries(rows.map((r) => [r.table_name, Number(r.changes)]));
  };
}
