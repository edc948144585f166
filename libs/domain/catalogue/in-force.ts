import type { StoredVersionStatus } from './catalogue-version.entity';

export type CatalogueVersionStatus = 'draft' | 'published' | 'superseded';

export interface VersionTiming {
  id: string;
  status: StoredVersionStatus;
  effectiveFrom: string;
  publishedAt: Date | null;
}

/** Later in force wins: greater effectiveFrom, then the later publication, then the id (as the database orders them). */
function outranks(a: VersionTiming, b: VersionTiming): boolean {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom > b.effectiveFrom;
  const pa = a.publishedAt?.getTime() ?? 0;
  const pb = b.publishedAt?.getTime() ?? 0;
  if (pa !== pb) return pa > pb;
  return a.id > b.id;
}

/**
 * The one version in force on `day` (YYYY-MM-DD): the published version with the greatest
 * effectiveFrom ≤ day; on a tie, the one published last. Null before the first one applies.
 */
export function versionInForce<T extends VersionTiming>(versions: readonly T[], day: string): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (v.status !== 'published' || v.effectiveFrom > day) continue;
    if (!best || outranks(v, best)) best = v;
  }
  return best;
}

export interface VersionStanding {
  status: CatalogueVersionStatus;
  inForce: boolean;
  /** Published, but its effectiveFrom has not come yet. */
  scheduled: boolean;
}

/** How a version stands on `today`, given the id of the version in force that day. */
export function versionStanding(version: VersionTiming, inForceId: string | null, today: string): VersionStanding {
  if (version.status === 'draft') return { status: 'draft', inForce: false, scheduled: false };
  if (version.effectiveFrom > today) return { status: 'published', inForce: false, scheduled: true };
  const inForce = version.id === inForceId;
  return { status: inForce ? 'published' : 'superseded', inForce, scheduled: false };
}
