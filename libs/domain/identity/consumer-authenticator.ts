import type { ConsumerPrincipal } from '@domain/shared';

/**
 * Implemented by the consumer registry. Kept as a separate port so a consumer credential can
 * only ever produce a consumer principal, never pass a staff check.
 */
export interface ConsumerAuthenticator {
  byApiKey(key: string): Promise<ConsumerPrincipal | null>;
  byPortalSession(cookieValue: string): Promise<ConsumerPrincipal | null>;
}

export const CONSUMER_AUTHENTICATOR = Symbol('CONSUMER_AUTHENTICATOR');

/** Consumer API keys start with this, so a request is resolved with one look-up, not two. */
export const CONSUMER_KEY_PREFIX = 'sdc_';
