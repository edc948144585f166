export const CATALOGUE_ENVIRONMENTS = ['production', 'test'] as const;
export type CatalogueEnvironment = (typeof CATALOGUE_ENVIRONMENTS)[number];

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
  environments: CatalogueEnvironment[];
  escalationEmails: string[];
  securityEmails: string[];
  lifecycle: ServiceLifecycle;
  sunsetDate: string | null;
  altinnResource: string | null;
  documentationUrl: string | null;
  informationTypes: string[];
}
