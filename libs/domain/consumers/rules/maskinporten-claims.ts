/**
 * What a Maskinporten access token must say, once its signature, issuer, audience and lifetime
 * have been verified: the scope, who the token is for (`consumer`) and, under Altinn delegation,
 * the vendor acting for it (`supplier`). Maskinporten only issues a token carrying both when the
 * consumer has delegated to the supplier, so the token itself is the proof of the delegation.
 */

/** Asymmetric algorithms only: never `none`, never HMAC (a public key must not pass as a shared secret). */
export const ACCEPTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const;

/** How far the issuer's clock and ours may disagree on exp, nbf and iat. */
export const CLOCK_SKEW_SECONDS = 30;

/** Organisations are identified by ISO 6523 with 0192, the Norwegian register's scheme. */
const ORGANISATION_AUTHORITY = 'iso6523-actorid-upis';
const ORGANISATION_ID = /^0192:([0-9]{9})$/;

export type ClaimRefusalCode = 'token_invalid' | 'token_not_yet_valid' | 'token_scope_missing' | 'token_consumer_missing';

export type ClaimsVerdict =
  { ok: true; consumerOrgNumber: string; supplierOrgNumber: string | null } | { ok: false; code: ClaimRefusalCode; reason: string };

const refuse = (code: ClaimRefusalCode, reason: string): ClaimsVerdict => ({ ok: false, code, reason });

/** The organisation number in a `consumer` or `supplier` claim; undefined when absent, null when malformed. */
export function organisationNumberOf(claim: unknown): string | null | undefined {
  if (claim === undefined || claim === null) return undefined;
  if (typeof claim !== 'object') return null;
  const { authority, ID } = claim as Record<string, unknown>;
  if (authority !== ORGANISATION_AUTHORITY || typeof ID !== 'string') return null;
  return ORGANISATION_ID.exec(ID)?.[1] ?? null;
}

/** `scope` is a space-separated list; the configured scope must be one of its entries. */
export function hasScope(scope: unknown, required: string): boolean {
  return typeof scope === 'string' && scope.split(/\s+/).includes(required);
}

/**
 * The claims of a token whose signature and standard claims were verified: `iat` must be present
 * and not in the future, the scope granted, and a well-formed `consumer` named.
 */
export function readMaskinportenClaims(claims: Record<string, unknown>, requiredScope: string, nowSeconds: number): ClaimsVerdict {
  const iat = claims.iat;
  if (typeof iat !== 'number' || !Number.isFinite(iat)) return refuse('token_invalid', 'The token has no issued-at time (iat).');
  if (iat > nowSeconds + CLOCK_SKEW_SECONDS) return refuse('token_not_yet_valid', 'The token is issued in the future (iat).');
  if (!hasScope(claims.scope, requiredScope)) return refuse('token_scope_missing', `The token does not grant the scope ${requiredScope}.`);
  const consumer = organisationNumberOf(claims.consumer);
  const supplier = organisationNumberOf(claims.supplier);
  if (supplier === null) return refuse('token_invalid', 'The supplier claim is not an organisation number (0192:<9 digits>).');
  if (consumer === undefined)
    return refuse(
      'token_consumer_missing',
      supplier ? 'A supplier token must name the consumer it acts for.' : 'The token names no consumer.',
    );
  if (consumer === null) return refuse('token_invalid', 'The consumer claim is not an organisation number (0192:<9 digits>).');
  return { ok: true, consumerOrgNumber: consumer, supplierOrgNumber: supplier && supplier !== consumer ? supplier : null };
}
