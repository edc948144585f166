import { Conflict, DomainException } from '@platform/errors';

/** Whether the database refused a statement because it would have stored a second row under a unique key of `table`. */
export function violatesUniqueKeyOf(error: unknown, table: string): boolean {
  const e = error as { code?: unknown; table?: unknown } | null;
  return e?.code === '23505' && e.table === table;
}

/**
 * PostgreSQL ended the transaction to let another go on: it was the victim of a deadlock (40P01)
 * or could not be serialised with a concurrent one (40001). Nothing of it is stored, and the same
 * request sent again normally succeeds; it is not a fault in the request or the app.
 */
export class TransactionConflict extends DomainException {
  constructor() {
    super(
      'unavailable',
      'transaction_conflict',
      'The change collided with another made at the same moment and was not stored. Send it again.',
    );
  }
}

/**
 * A change stored a row under a unique key that a concurrent change had just taken (23505): it
 * looked for the row before the other committed. Nothing of it is stored; sent again, it meets
 * the row and is answered as the domain answers that.
 */
export class ConcurrentDuplicate extends Conflict {
  constructor() {
    super(
      'concurrent_duplicate',
      'Another change stored the same thing at the same moment, and nothing of this one was stored. Read what is there and try again.',
    );
  }
}

const CONFLICT_CODES = new Set(['40P01', '40001']);
const UNIQUE_VIOLATION = new Set(['23505']);

/** Whether an error (as thrown by pg, or wrapped by TypeORM) is the database aborting a transaction in favour of a concurrent one. */
export function isTransactionConflict(error: unknown): boolean {
  return hasDatabaseCode(error, CONFLICT_CODES);
}

/**
 * Whether an error is a unique key refusing a row. The domain checks for what it would duplicate
 * first, so one that reaches the client was taken by a concurrent change (see ConcurrentDuplicate).
 */
export function isUniqueViolation(error: unknown): boolean {
  return hasDatabaseCode(error, UNIQUE_VIOLATION);
}

function hasDatabaseCode(error: unknown, codes: ReadonlySet<string>): boolean {
  let current = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const e = current as { code?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && codes.has(e.code)) return true;
    current = e.driverError ?? e.cause;
  }
  return false;
}
