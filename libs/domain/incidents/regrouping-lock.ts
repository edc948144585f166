import type { Environment } from '@domain/shared';

/**
 * The advisory lock that serialises changes to which incidents exist in an environment: opening
 * one for a report grouping is unsure of, re-clustering, and staff's merges, splits and moves.
 * Each locks several incidents' rows, some after holding one already; under the one lock they
 * cannot deadlock on each other. Taken before any row lock of the transaction.
 */
export const regroupingLock = (environment: Environment) => `incidents:open:${environment}`;
