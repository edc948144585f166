import { normaliseOrgNumber, optionalText, type ServiceAccessInput } from './consumer-rules';
import type { ConsumerService } from './consumer-service.entity';

const TEXT_FIELDS = ['legalBasis', 'lawReference', 'purpose', 'serviceArea', 'entitlementPackage', 'maskinportenScope'] as const;

/** What staff see of an access in the audit log. */
export function serviceAccessSnapshot(s: ConsumerService): Record<string, unknown> {
  return {
    code: s.serviceCode,
    environments: s.environments,
    legalBasis: s.legalBasis,
    lawReference: s.lawReference,
    purpose: s.purpose,
    serviceArea: s.serviceArea,
    entitlementPackage: s.entitlementPackage,
    connectionMethod: s.connectionMethod,
    vendor: s.vendorOrgNumber || s.vendorName ? { orgNumber: s.vendorOrgNumber, name: s.vendorName } : null,
    dataProcessingAgreementConfirmed: s.dataProcessingAgreementConfirmed,
    altinnDelegationConfirmedAt: s.altinnDelegationConfirmedAt,
    maskinportenScope: s.maskinportenScope,
  };
}

/**
 * Applies the fields present in `input` (absent = keep, null = clear). A new vendor, or the
 * vendor removed, moves the previous one into the vendor history instead of overwriting it.
 */
export function applyServiceAccess(target: ConsumerService, input: Partial<ServiceAccessInput>, by: string, now: Date): void {
  const previousMethod = target.connectionMethod ?? null;
  if (input.environments !== undefined) target.environments = [...new Set(input.environments)];
  for (const key of TEXT_FIELDS) if (input[key] !== undefined) target[key] = optionalText(input[key]);
  if (input.dataProcessingAgreementConfirmed !== undefined)
    target.dataProcessingAgreementConfirmed = !!input.dataProcessingAgreementConfirmed;
  if (input.altinnDelegationConfirmedAt !== undefined)
    target.altinnDelegationConfirmedAt = input.altinnDelegationConfirmedAt === null ? null : new Date(input.altinnDelegationConfirmedAt);
  if (input.connectionMethod !== undefined) target.connectionMethod = input.connectionMethod ?? null;

  let vendorOrg = target.vendorOrgNumber ?? null;
  let vendorName = target.vendorName ?? null;
  if (input.vendor !== undefined) {
    vendorOrg = input.vendor ? normaliseOrgNumber(input.vendor.orgNumber) : null;
    vendorName = input.vendor ? input.vendor.name.trim() : null;
  } else if (input.connectionMethod === 'direct') {
    vendorOrg = null;
    vendorName = null;
  }
  const hadVendor = !!(target.vendorOrgNumber || target.vendorName);
  const vendorChanged = vendorOrg !== (target.vendorOrgNumber ?? null) || vendorName !== (target.vendorName ?? null);
  if (!vendorChanged) return;
  if (hadVendor) {
    target.vendorHistory = [
      ...(target.vendorHistory ?? []),
      {
        orgNumber: target.vendorOrgNumber,
        name: target.vendorName,
        connectionMethod: previousMethod,
        from: target.vendorSince ? new Date(target.vendorSince).toISOString() : null,
        until: now.toISOString(),
        changedBy: by,
      },
    ];
  }
  target.vendorOrgNumber = vendorOrg;
  target.vendorName = vendorName;
  target.vendorSince = vendorOrg || vendorName ? now : null;
}
