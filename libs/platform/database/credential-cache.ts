import { DATABASE_CHANNELS, DatabaseNotifications, NotifiedCache } from './database-notifications';

/** last_used_at is written at most once a minute per credential, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface StoredCredential<P> {
  id: string;
  principal: P;
  lastUsedAt: Date | null;
}

/**
 * Resolved API tokens and keys, by hash, for `ttlSeconds`: the look-up and its touch are a
 * database round trip or two on every machine request otherwise. Revocation still takes
 * effect at once: the database notifies every process (see NotifiedCache).
 */
export class CredentialCache<P> {
  private readonly cache: NotifiedCache<{ id: string; principal: P; touchedAt: number }>;

  constructor(notifications: DatabaseNotifications, ttlSeconds: number) {
    this.cache = new NotifiedCache(notifications, DATABASE_CHANNELS.credentialsChanged, ttlSeconds * 1000);
  }

  async resolve(hash: string, load: () => Promise<StoredCredential<P> | null>, touch: (id: string) => Promise<void>): Promise<P | null> {
    const found = await this.cache.resolve(hash, async () => {
      const stored = await load();
      return stored && { id: stored.id, principal: stored.principal, touchedAt: stored.lastUsedAt?.getTime() ?? 0 };
    });
    if (!found) return null;
    if (Date.now() - found.touchedAt > TOUCH_INTERVAL_MS) {
      found.touchedAt = Date.now();
      await touch(found.id);
    }
    // A copy: a request may add to its principal, and the next one must not see it.
    return { ...found.principal };
  }
}
