/** A notice as one consumer received it: whether it stands, and what the consumer has confirmed. */
export interface ReceivedNotice {
  status: string;
  /** The notice asks for work before it takes effect, so the consumer confirms it is ready too. */
  needsWork: boolean;
  readAt: Date | null;
  readyAt: Date | null;
}

/**
 * What a consumer still has to confirm of a notice it received: that it has read it, and that it
 * is ready where the notice asks for work. A withdrawn notice asks nothing.
 */
export function confirmationsDue(notice: ReceivedNotice): { read: boolean; ready: boolean } {
  const standing = notice.status !== 'withdrawn';
  return { read: standing && !notice.readAt, ready: standing && notice.needsWork && !notice.readyAt };
}

/** Whether the consumer has anything left to confirm of the notice. */
export function awaitsConfirmation(notice: ReceivedNotice): boolean {
  const due = confirmationsDue(notice);
  return due.read || due.ready;
}
