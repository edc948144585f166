import type { Severity } from '../incident.entity';

/** How e-mail names a severity (Skatteetaten reads it). */
export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'kritisk', high: 'høy', medium: 'middels', low: 'lav' };
