/**
 * Runs `work` and settles no sooner than `floorMs` after it started, with its outcome, so that
 * how long an answer took says nothing about what the work found (a registered address or not).
 * The floor must lie above the work's usual duration; work that takes longer is not cut short.
 */
export async function withUniformDuration<T>(
  floorMs: number,
  work: () => Promise<T>,
  // Monotonic: a wall clock set back or forward would shorten or lengthen the floor.
  now: () => number = () => performance.now(),
): Promise<T> {
  const started = now();
  try {
    return await work();
  } finally {
    const left = started + floorMs - now();
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}
