/** Published when a Bilag 2 version that changes services is published; other contexts react through the domain-event table. */
export const CATALOGUE_VERSION_PUBLISHED = 'catalogue.version-published';

export interface CatalogueVersionPublishedEvent {
  versionId: string;
  label: string;
  /** YYYY-MM-DD */
  effectiveFrom: string;
  /** The version it replaces. */
  previous: { id: string; label: string };
  added: Array<{ code: string; name: string }>;
  removed: Array<{ code: string; name: string }>;
  changed: Array<{ code: string; name: string; fields: string[] }>;
}
