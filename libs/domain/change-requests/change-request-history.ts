import type { ChangeRequestStatus } from './rules/change-request-rules';

/** What happened to a change request, as its history shows it (from the audit log its use cases write). */
export type ChangeRequestEventDetails = {
  submitted: Record<string, never>;
  supported: Record<string, never>;
  /** KS assessed it: the status when it changed, else only priority or public texts changed. */
  assessed: { from: ChangeRequestStatus | null; to: ChangeRequestStatus | null };
  forwarded: Record<string, never>;
  answered: Record<string, never>;
  merged: { into: string | null };
  unmerged: Record<string, never>;
  /** Skatteetaten answered by e-mail: who, and the stored message, for staff to read and record as the answer. */
  reply_received: { from: string; inboundMessageId: string | null };
};

export type ChangeRequestEventKind = keyof ChangeRequestEventDetails;

export type ChangeRequestEvent = {
  [K in ChangeRequestEventKind]: {
    id: string;
    changeRequestId: string;
    at: Date;
    actorLabel: string;
    kind: K;
    details: ChangeRequestEventDetails[K];
  };
}[ChangeRequestEventKind];

export const CHANGE_REQUEST_EVENT_KINDS: readonly ChangeRequestEventKind[] = [
  'submitted',
  'supported',
  'assessed',
  'forwarded',
  'answered',
  'merged',
  'unmerged',
  'reply_received',
];
