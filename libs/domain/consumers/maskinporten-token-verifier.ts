import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type MaskinportenConfig } from '@platform/config';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';

import { AccessTokenKeysUnavailable, AccessTokenRefused } from './consumers.exceptions';
import { ACCEPTED_ALGORITHMS, CLOCK_SKEW_SECONDS, readMaskinportenClaims } from './rules/maskinporten-claims';

/** The issuer's key set: fetched at most this often on an unknown kid, kept this long, and given this long to answer. */
export const JWKS_COOLDOWN_MS = 30_000;
const JWKS_MAX_AGE_MS = 10 * 60_000;
const JWKS_TIMEOUT_MS = 3_000;

/** Three base64url segments: the shape of a JWS in compact form. Staff tokens and API keys never have it. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export interface VerifiedAccessToken {
  consumerOrgNumber: string;
  supplierOrgNumber: string | null;
}

/**
 * Verifies Maskinporten access tokens against the issuer's JWKS (cached; an unknown kid makes
 * jose fetch it again, at most once per cooldown), with the issuer, the audience when configured,
 * exp and nbf with a small skew and only asymmetric algorithms; then the claim rules.
 */
@Injectable()
export class MaskinportenTokenVerifier {
  private readonly logger = new Logger('Maskinporten');
  private readonly settings: MaskinportenConfig | null;
  private readonly keys: ReturnType<typeof createRemoteJWKSet> | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = config.maskinporten;
    this.keys = this.settings
      ? createRemoteJWKSet(new URL(this.settings.jwksUrl), {
          timeoutDuration: JWKS_TIMEOUT_MS,
          cooldownDuration: JWKS_COOLDOWN_MS,
          cacheMaxAge: JWKS_MAX_AGE_MS,
        })
      : null;
  }

  /** Whether this bearer is for us: tokens are accepted and it has the shape of one. */
  accepts(bearer: string): boolean {
    return this.settings !== null && COMPACT_JWS.test(bearer);
  }

  async verify(token: string): Promise<VerifiedAccessToken> {
    const { settings, keys } = this;
    if (!settings || !keys) throw new AccessTokenRefused('token_invalid', 'Maskinporten tokens are not accepted here; use an API key.');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        ...(settings.audience ? { audience: settings.audience } : {}),
        algorithms: [...ACCEPTED_ALGORITHMS],
        clockTolerance: CLOCK_SKEW_SECONDS,
        requiredClaims: ['exp'],
      }));
    } catch (err) {
      throw this.refusal(err);
    }
    const verdict = readMaskinportenClaims(payload, settings.scope, Math.floor(Date.now() / 1000));
    if (!verdict.ok) throw new AccessTokenRefused(verdict.code, verdict.reason);
    return { consumerOrgNumber: verdict.consumerOrgNumber, supplierOrgNumber: verdict.supplierOrgNumber };
  }

  private refusal(err: unknown): Error {
    if (err instanceof errors.JWTExpired) return new AccessTokenRefused('token_expired', 'The token has expired.');
    if (err instanceof errors.JWTClaimValidationFailed) {
      if (err.claim === 'nbf') return new AccessTokenRefused('token_not_yet_valid', 'The token is not valid yet (nbf).');
      if (err.claim === 'iss') return new AccessTokenRefused('token_invalid', 'The token is from another issuer.');
      if (err.claim === 'aud') return new AccessTokenRefused('token_invalid', 'The token is for another audience.');
      return new AccessTokenRefused('token_invalid', `The token's ${err.claim} claim is missing or wrong.`);
    }
    if (keySetUnreachable(err)) {
      // The key set could not be had: the issuer's problem or ours, not the caller's token.
      this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'JWKS unavailable');
      return new AccessTokenKeysUnavailable();
    }
    if (err instanceof errors.JWKSNoMatchingKey) return new AccessTokenRefused('token_invalid', 'The token is signed with an unknown key.');
    if (err instanceof errors.JOSEAlgNotAllowed)
      return new AccessTokenRefused('token_invalid', 'The token is signed with an algorithm not accepted.');
    return new AccessTokenRefused('token_invalid', 'The token is not a valid signed Maskinporten token.');
  }
}

/** A timeout, a network failure, an answer other than 200, or an answer that is no key set. */
function keySetUnreachable(err: unknown): boolean {
  return (
    err instanceof errors.JWKSTimeout ||
    err instanceof errors.JWKSInvalid ||
    (err instanceof errors.JOSEError && err.code === 'ERR_JOSE_GENERIC') ||
    // fetch's network failure; compared by name, as it may come from another realm than our TypeError.
    (typeof err === 'object' && err !== null && (err as Error).name === 'TypeError' && (err as Error).message === 'fetch failed')
  );
}
