/** What the rule reads of an operational message. */
export interface OperationalMessageWindow {
  services: string[];
  /** Empty: every environment. */
  environments: string[];
  startedAt: Date;
  endedAt: Date | null;
}

/**
 * The message about this service and environment that was active at `at`: started by then, not
 * yet ended, and younger than `maxAgeMs` (a message no feed or person ended is over after that);
 * the most recently started when several are.
 */
export function activeOperationalMessage<M extends OperationalMessageWindow>(
  messages: readonly M[],
  service: string,
  environment: string,
  at: Date,
  maxAgeMs: number,
): M | null {
  const t = at.getTime();
  let best: M | null = null;
  for (const m of messages) {
    const started = m.startedAt.getTime();
    if (started > t || started <= t - maxAgeMs) continue;
    if (m.endedAt && m.endedAt.getTime() <= t) continue;
    if (!m.services.includes(service)) continue;
    if (m.environments.length && !m.environments.includes(environment)) continue;
    if (!best || started > best.startedAt.getTime()) best = m;
  }
  return best;
}
