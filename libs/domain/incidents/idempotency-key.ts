import { createHash } from 'node:crypto';

import { ValidationFailed } from '@platform/errors';
import stableStringify from 'safe-stable-stringify';

const MAX_KEY_LENGTH = 200;

/** The client's Idempotency-Key as stored: trimmed; none when blank. */
export function idempotencyKeyOf(raw: string | undefined): string | null {
  const key = raw?.trim();
  if (!key) return null;
  if (key.length > MAX_KEY_LENGTH)
    throw new ValidationFailed([{ field: 'Idempotency-Key', message: `must be at most ${MAX_KEY_LENGTH} characters` }]);
  return key;
}

/**
 * What tells a retry from another request under the same key. Canonical: the same body with its
 * keys in another order is the same request.
 */
export function requestHashOf(fingerprint: unknown): string {
  return createHash('sha256')
    .update(stableStringify(fingerprint ?? null) ?? 'null')
    .digest('hex');
}
