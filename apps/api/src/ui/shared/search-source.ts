import type { Permission, Principal } from '@domain/shared';

/** One thing found, as the search page lists it: text a person reads, and where it leads. */
export interface SearchHit {
  href: string;
  title: string;
  /** The human reference (KS-2026-0042), shown before the title. */
  reference?: string;
  /** A short line under the title (status, municipality, organisation number), in bokmål. */
  detail?: string;
}

/**
 * One kind of thing the staff search box finds. Each part of the admin UI registers its own
 * (incidents, reports, consumers, change requests, …) in `SEARCH_SOURCES`; the page asks every
 * source the signed-in staff member may read and shows one group per source.
 */
export interface SearchSource {
  /** Stable key of the group (its anchor on the page). */
  readonly kind: string;
  /** The group's heading, in bokmål. */
  readonly label: string;
  /** Only staff with this permission see the group. */
  readonly permission: Permission;
  /** The best `limit` matches the caller may see and how many match in all. */
  find(text: string, limit: number, caller: Principal): Promise<{ total: number; hits: SearchHit[] }>;
  /** The page of the one thing an exact reference or number names (M-2026-00003, an organisation number), else undefined. */
  exact?(text: string): Promise<string | undefined>;
  /** The part's own list searched for the same text, where every match is listed. */
  listHref?(text: string): string;
}

/** Injection token: every registered search source, in the order the page shows them. */
export const SEARCH_SOURCES = Symbol('SEARCH_SOURCES');
