/** Whether the database refused a statement because it would have stored a second row under a unique key of `table`. */
export function violatesUniqueKeyOf(error: unknown, table: string): boolean {
  const e = error as { code?: unknown; table?: unknown } | null;
  return e?.code === '23505' && e.table === table;
}
