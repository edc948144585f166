import { createHash } from 'node:crypto';

/**
 * The version of what is stored of something, as an editor reads it: equal for equal content,
 * different once anything in it changes. An editor sends back the version it read, so that a
 * change made by someone else in between is refused instead of overwritten (If-Match).
 */
export function versionOf(stored: unknown): string {
  return createHash('sha256').update(JSON.stringify(stored)).digest('base64url').slice(0, 22);
}
