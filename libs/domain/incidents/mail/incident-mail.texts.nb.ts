import type { Environment } from '@domain/shared';

import type { Severity } from '../incident.entity';

/** How e-mail names an environment and a severity (Skatteetaten and municipalities read them). */
export const ENVIRONMENT_LABELS: Record<Environment, string> = { production: 'produksjon', test: 'test' };
export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'kritisk', high: 'høy', medium: 'middels', low: 'lav' };
