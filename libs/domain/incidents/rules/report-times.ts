/** How far ahead of the server's clock a sender's clock may run before a report's start is refused. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Whether a report says its problem started after the report was received: a start later than
 * `receivedAt` by more than `skewMs`. A live report is received by the server's clock and started
 * by the sender's, so a few minutes' skew is allowed (CLOCK_SKEW_MS); an import carries both
 * times from one clock (0). An import's `receivedAt` itself is not held to the server's clock:
 * history is replayed as it was recorded, wherever that clock stood.
 */
export function startsAfterReceipt(occurredAt: Date | null | undefined, receivedAt: Date, skewMs: number): boolean {
  return !!occurredAt && occurredAt.getTime() > receivedAt.getTime() + skewMs;
}
