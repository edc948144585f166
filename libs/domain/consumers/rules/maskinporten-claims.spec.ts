import { CLOCK_SKEW_SECONDS, hasScope, organisationNumberOf, readMaskinportenClaims } from './maskinporten-claims';

const NOW = 1_800_000_000;
const SCOPE = 'ks:segmentdesk/rapporter';
const org = (n: string) => ({ authority: 'iso6523-actorid-upis', ID: `0192:${n}` });
const MUNICIPALITY = '974760673';
const VENDOR = '987654321';
const base = { iat: NOW - 10, scope: SCOPE, consumer: org(MUNICIPALITY) };

describe('organisationNumberOf', () => {
  it.each([
    [undefined, undefined],
    [null, undefined],
    [org(MUNICIPALITY), MUNICIPALITY],
    [{ authority: 'iso6523-actorid-upis', ID: `9908:${MUNICIPALITY}` }, null],
    [{ authority: 'other', ID: `0192:${MUNICIPALITY}` }, null],
    [{ authority: 'iso6523-actorid-upis', ID: '0192:97476067' }, null],
    [{ authority: 'iso6523-actorid-upis', ID: 974760673 }, null],
    [`0192:${MUNICIPALITY}`, null],
  ])('%j → %j', (claim, expected) => {
    expect(organisationNumberOf(claim)).toBe(expected);
  });
});

describe('hasScope', () => {
  it.each([
    [SCOPE, true],
    [`skatteetaten:summertskattegrunnlag ${SCOPE}`, true],
    ['ks:segmentdesk/rapporter2', false],
    ['ks:segmentdesk', false],
    ['', false],
    [undefined, false],
    [[SCOPE], false],
  ])('%j → %s', (scope, expected) => {
    expect(hasScope(scope, SCOPE)).toBe(expected);
  });
});

describe('readMaskinportenClaims', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['a municipality for itself', base, { ok: true, consumerOrgNumber: MUNICIPALITY, supplierOrgNumber: null }],
    [
      'a vendor acting for a municipality',
      { ...base, supplier: org(VENDOR) },
      { ok: true, consumerOrgNumber: MUNICIPALITY, supplierOrgNumber: VENDOR },
    ],
    ['a supplier that is the consumer itself', { ...base, supplier: org(MUNICIPALITY) }, { ok: true, supplierOrgNumber: null }],
    ['iat within the skew', { ...base, iat: NOW + CLOCK_SKEW_SECONDS }, { ok: true }],
    ['iat beyond the skew', { ...base, iat: NOW + CLOCK_SKEW_SECONDS + 1 }, { ok: false, code: 'token_not_yet_valid' }],
    ['no iat', { ...base, iat: undefined }, { ok: false, code: 'token_invalid' }],
    ['iat as text', { ...base, iat: String(NOW) }, { ok: false, code: 'token_invalid' }],
    ['no scope', { ...base, scope: undefined }, { ok: false, code: 'token_scope_missing' }],
    ['another scope only', { ...base, scope: 'ks:annet' }, { ok: false, code: 'token_scope_missing' }],
    ['no consumer', { ...base, consumer: undefined }, { ok: false, code: 'token_consumer_missing' }],
    [
      'a supplier without a consumer',
      { ...base, consumer: undefined, supplier: org(VENDOR) },
      { ok: false, code: 'token_consumer_missing' },
    ],
    ['a malformed consumer', { ...base, consumer: { authority: 'x', ID: '0192:974760673' } }, { ok: false, code: 'token_invalid' }],
    ['a malformed supplier', { ...base, supplier: { ID: `0192:${VENDOR}` } }, { ok: false, code: 'token_invalid' }],
  ])('%s', (_, claims, expected) => {
    expect(readMaskinportenClaims(claims, SCOPE, NOW)).toMatchObject(expected as object);
  });
});
