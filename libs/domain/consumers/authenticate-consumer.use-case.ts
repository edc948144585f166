import { CONSUMER_KEY_PREFIX, type ConsumerAuthenticator } from '@domain/identity';
import type { ConsumerPrincipal } from '@domain/shared';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@platform/config';
import { CredentialCache, DatabaseNotifications } from '@platform/database';
import { hashToken } from '@platform/security';

import { ConsumerRepository } from './consumer.repository';
import { ConsumerApiKeyRepository } from './consumer-api-key.repository';
import { mayAuthenticate } from './consumer-rules';
import { AccessTokenRefused } from './consumers.exceptions';
import { MaskinportenTokenVerifier } from './maskinporten-token-verifier';
import { PortalCredentialRepository } from './portal-credential.repository';

/** Resolves a consumer API key, Maskinporten access token or portal session cookie to a consumer principal, or null. */
@Injectable()
export class AuthenticateConsumer implements ConsumerAuthenticator {
  private readonly keys: CredentialCache<ConsumerPrincipal>;

  constructor(
    private readonly apiKeys: ConsumerApiKeyRepository,
    private readonly portalCredentials: PortalCredentialRepository,
    private readonly consumers: ConsumerRepository,
    private readonly accessTokens: MaskinportenTokenVerifier,
    notifications: DatabaseNotifications,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.keys = new CredentialCache(notifications, config.credentialCacheSeconds);
  }

  /**
   * The token's `consumer` is the registered consumer the caller acts as; a vendor acting for it
   * under Altinn delegation (`supplier`) rides along, named as the consumer's services know it.
   */
  async byAccessToken(token: string): Promise<ConsumerPrincipal | null> {
    if (!this.accessTokens.accepts(token)) return null;
    const verified = await this.accessTokens.verify(token);
    const consumer = await this.consumers.findConsumerByOrg(verified.consumerOrgNumber);
    if (!consumer)
      throw new AccessTokenRefused('consumer_not_registered', `Organisation ${verified.consumerOrgNumber} is not a registered consumer.`);
    if (!mayAuthenticate(consumer.status)) throw new AccessTokenRefused('consumer_inactive', `The consumer is ${consumer.status}.`);
    const supplier = verified.supplierOrgNumber;
    return {
      kind: 'consumer',
      consumerId: consumer.id,
      orgNumber: consumer.orgNumber,
      name: consumer.name,
      via: 'maskinporten',
      ...(supplier ? { supplier: { orgNumber: supplier, name: await this.consumers.vendorName(consumer.id, supplier) } } : {}),
    };
  }

  async byApiKey(key: string): Promise<ConsumerPrincipal | null> {
    // Staff tokens reach here too when they are unknown; only consumer keys are worth a lookup.
    if (!key.startsWith(CONSUMER_KEY_PREFIX)) return null;
    const keyHash = hashToken(key);
    return this.keys.resolve(
      keyHash,
      async () => {
        const found = await this.apiKeys.activeOwner(keyHash);
        if (!found) return null;
        // A valid key of a suspended consumer is told so, as a Maskinporten token is: not "unknown or revoked".
        if (!mayAuthenticate(found.status)) throw new AccessTokenRefused('consumer_inactive', `The consumer is ${found.status}.`);
        const principal: ConsumerPrincipal = {
          kind: 'consumer',
          consumerId: found.consumerId,
          orgNumber: found.orgNumber,
          name: found.name,
          via: 'api-key',
        };
        return { id: found.keyId, lastUsedAt: found.lastUsedAt, principal };
      },
      (id) => this.apiKeys.touch(id),
    );
  }

  async byPortalSession(cookieValue: string): Promise<ConsumerPrincipal | null> {
    const idHash = hashToken(cookieValue);
    const found = await this.portalCredentials.liveSessionOwner(idHash);
    if (!found || !mayAuthenticate(found.status)) return null;
    return {
      kind: 'consumer',
      consumerId: found.consumerId,
      orgNumber: found.orgNumber,
      name: found.name,
      via: 'portal-session',
      email: found.email,
      sessionId: idHash,
      csrfToken: found.csrfToken,
    };
  }
}
