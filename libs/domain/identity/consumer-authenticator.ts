import type { ConsumerPrincipal } from '@domain/shared';

/**
 * Implemented by the consumer registry. Kept as a separate port so a consumer credential can
 * only ever produce a consumer principal, never pass a staff check.
 */
export interface ConsumerAuthenticator {
  /** Null for an unknown or revoked key; a valid key of a consumer that may not authenticate now (suspended) throws `consumer_inactive`. */
  byApiKey(key: string): Promise<ConsumerPrincipal | null>;
  byPortalSession(cookieValue: string): Promise<ConsumerPrincipal | null>;
  /**
   * A Maskinporten access token: null when the bearer is not one (or tokens are not accepted),
   * the consumer when valid; a token that is refused throws with the reason's code.
   */
  byAccessToken(token: string): Promise<ConsumerPrincipal | null>;
}

export const CONSUMER_AUTHENTICATOR = Symbol('CONSUMER_AUTHENTICATOR');

/** Consumer API keys start with this, so a request is resolved with one look-up, not two. */
export const CONSUMER_KEY_PREFIX = 'sdc_';
