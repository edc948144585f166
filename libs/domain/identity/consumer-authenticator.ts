import type { ConsumerPrincipal } from './principal';

/**
 * Implemented by the consumer registry. Kept as a separate port so a consumer credential can
 * only ever produce a consumer principal, never pass a staff check.
 */
export interface ConsumerAuthenticator {
  byApiKey(key: string): Promise<ConsumerPrincipal | null>;
  byPortalSession(cookieValue: string): Promise<ConsumerPrincipal | null>;
}

export const CONSUMER_AUTHENTICATOR = Symbol('CONSUMER_AUTHENTICATOR');
