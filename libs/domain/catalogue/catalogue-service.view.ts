import { type Environment, versionOf } from '@domain/shared';

export const SERVICE_LIFECYCLES = ['active', 'deprecated'] as const;
export type ServiceLifecycle = (typeof SERVICE_LIFECYCLES)[number];

export interface EntitlementPackage {
  code: string;
  purpose: string;
}

/** One service of a Bilag 2 version, as other contexts see it. */
export interface CatalogueServiceView {
  code: string;
  name: string;
  description: string;
  maskinportenScopes: string[];
  entitlementPackages: EntitlementPackage[];
  serviceAreas: string[];
  environments: Environment[];
  escalationEmails: string[];
  securityEmails: string[];
  lifecycle: ServiceLifecycle;
  sunsetDate: string | null;
  altinnResource: string | null;
  documentationUrl: string | null;
  informationTypes: string[];
}

/**
 * The version of one service of a draft as its editor reads it, so that an edit of a service
 * someone else has changed since is refused, while edits of other services of the draft are not.
 */
export function catalogueServiceVersion(service: CatalogueServiceView): string {
  return versionOf(service);
}
