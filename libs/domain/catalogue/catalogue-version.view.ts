import { versionOf } from '@domain/shared';

import type { CatalogueService } from './catalogue-service.entity';
import type { CatalogueServiceView } from './catalogue-service.view';
import type { CatalogueVersion } from './catalogue-version.entity';
import type { CatalogueVersionStatus, VersionStanding } from './in-force';

export interface CatalogueVersionSummary {
  id: string;
  label: string;
  /** 'superseded' and 'published' are as of today; see inForce and scheduled. */
  status: CatalogueVersionStatus;
  effectiveFrom: string;
  notes: string | null;
  inForce: boolean;
  scheduled: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  publishedBy: string | null;
  publishedAt: Date | null;
  serviceCount: number;
  serviceCodes: string[];
}

export interface CatalogueVersionView extends CatalogueVersionSummary {
  services: CatalogueServiceView[];
  /** Changes with every change to the version or its services (see versionOf): the ETag, and what an editor sends back in If-Match. */
  version: string;
}

export function toServiceView(s: CatalogueService): CatalogueServiceView {
  return {
    code: s.code,
    name: s.name,
    description: s.description,
    maskinportenScopes: s.maskinportenScopes,
    entitlementPackages: s.entitlementPackages,
    serviceAreas: s.serviceAreas,
    environments: s.environments,
    escalationEmails: s.escalationEmails,
    securityEmails: s.securityEmails,
    lifecycle: s.lifecycle,
    sunsetDate: s.sunsetDate,
    altinnResource: s.altinnResource,
    documentationUrl: s.documentationUrl,
    informationTypes: s.informationTypes,
  };
}

export function toSummary(v: CatalogueVersion, standing: VersionStanding, serviceCodes: string[]): CatalogueVersionSummary {
  return {
    id: v.id,
    label: v.label,
    status: standing.status,
    effectiveFrom: v.effectiveFrom,
    notes: v.notes,
    inForce: standing.inForce,
    scheduled: standing.scheduled,
    createdBy: v.createdBy,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    publishedBy: v.publishedBy,
    publishedAt: v.publishedAt,
    serviceCount: serviceCodes.length,
    serviceCodes,
  };
}

export function toVersionView(v: CatalogueVersion, standing: VersionStanding, services: CatalogueService[]): CatalogueVersionView {
  const views = services.map(toServiceView);
  const view = {
    ...toSummary(
      v,
      standing,
      views.map((s) => s.code),
    ),
    services: views,
  };
  return { ...view, version: versionOf(view) };
}

/** What the audit log keeps of a version's content before and after a change. */
export function auditSnapshot(
  v: Pick<CatalogueVersion, 'label' | 'effectiveFrom' | 'notes' | 'status'>,
  services: readonly CatalogueServiceView[],
) {
  return { label: v.label, effectiveFrom: v.effectiveFrom, notes: v.notes, status: v.status, services };
}
