/** Where a change request stands, from submission to the outcome told to its supporters. */
export const CHANGE_REQUEST_STATUSES = ['new', 'assessing', 'forwarded', 'answered', 'declined', 'done'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

export const CHANGE_REQUEST_URGENCIES = ['low', 'medium', 'high'] as const;
export type ChangeRequestUrgency = (typeof CHANGE_REQUEST_URGENCIES)[number];

export const CHANGE_REQUEST_PRIORITIES = ['low', 'medium', 'high'] as const;
export type ChangeRequestPriority = (typeof CHANGE_REQUEST_PRIORITIES)[number];

/**
 * The statuses staff set by hand from each status. `forwarded` and `answered` are reached only
 * by forwarding and by recording Skatteetaten's answer, so the e-mail that belongs to them is never skipped.
 */
const MANUAL_TRANSITIONS: Readonly<Record<ChangeRequestStatus, readonly ChangeRequestStatus[]>> = {
  new: ['assessing', 'declined', 'done'],
  assessing: ['new', 'declined', 'done'],
  forwarded: ['declined', 'done'],
  answered: ['declined', 'done'],
  declined: ['assessing'],
  done: [],
};

export function canSetStatus(from: ChangeRequestStatus, to: ChangeRequestStatus): boolean {
  return from === to || MANUAL_TRANSITIONS[from].includes(to);
}

/** Only a request not yet sent on can be forwarded; a second forward is a no-op handled by the caller. */
export function canForward(status: ChangeRequestStatus): boolean {
  return status === 'new' || status === 'assessing';
}

/** Skatteetaten's answer is recorded for a forwarded request (once more to correct it while still answered). */
export function canRecordAnswer(status: ChangeRequestStatus): boolean {
  return status === 'forwarded' || status === 'answered';
}

export interface MergeCandidate {
  id: string;
  serviceCode: string;
  status: ChangeRequestStatus;
  mergedIntoId: string | null;
}

export type MergeRefusal = 'same_request' | 'already_merged' | 'service_mismatch' | 'already_forwarded';

/**
 * Whether `duplicate` may be folded into `survivor`: two live requests on the same service, the
 * duplicate not yet sent to Skatteetaten (its thread would be orphaned).
 */
export function mergeRefusal(duplicate: MergeCandidate, survivor: MergeCandidate): MergeRefusal | null {
  if (duplicate.id === survivor.id) return 'same_request';
  if (duplicate.mergedIntoId || survivor.mergedIntoId) return 'already_merged';
  if (duplicate.serviceCode !== survivor.serviceCode) return 'service_mismatch';
  if (!canForward(duplicate.status)) return 'already_forwarded';
  return null;
}

/** The supports that move to the survivor: one per consumer, so nobody supports a request twice. */
export function supportsToMove<T extends { consumerId: string }>(duplicate: readonly T[], survivor: readonly T[]): T[] {
  const present = new Set(survivor.map((s) => s.consumerId));
  const moving: T[] = [];
  for (const s of duplicate) {
    if (present.has(s.consumerId)) continue;
    present.add(s.consumerId);
    moving.push(s);
  }
  return moving;
}

export interface RankedRequest {
  supporterCount: number;
  serviceArea: string | null;
  createdAt: Date;
}

/** The board's order: most supporting municipalities first, then by service area, then oldest first. */
export function compareByRank(a: RankedRequest, b: RankedRequest): number {
  return (
    b.supporterCount - a.supporterCount ||
    (a.serviceArea ?? '\uffff').localeCompare(b.serviceArea ?? '\uffff', 'nb') ||
    a.createdAt.getTime() - b.createdAt.getTime()
  );
}

export interface VisibilityInput {
  /** The consumer asking; null for staff. */
  viewerConsumerId: string | null;
  /** Who wrote the text: the submitter (description) or a supporter (its use case). */
  authorConsumerId: string;
  isPublic: boolean;
}

/**
 * A consumer's texts are its own: staff, the author and, once KS made the request public, every
 * consumer with access to the service read them; others see the title and the numbers only.
 */
export function mayReadText(v: VisibilityInput): boolean {
  return v.viewerConsumerId === null || v.isPublic || v.viewerConsumerId === v.authorConsumerId;
}
