/** Whether a resolution at `resolvedAt` may still be reopened at `now`, `days` being the window. */
export function withinReopenWindow(resolvedAt: Date | null, now: Date, days: number): boolean {
  return !!resolvedAt && resolvedAt.getTime() <= now.getTime() && now.getTime() - resolvedAt.getTime() <= days * 24 * 3_600_000;
}
