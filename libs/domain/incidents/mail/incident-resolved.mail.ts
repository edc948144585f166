import { defineMailTemplate } from '@platform/mail';

/** To each affected consumer's address, once: the incident they reported is resolved. */
export interface IncidentResolvedMail {
  /** The recipient's name, or empty when only the address is known. */
  name: string;
  reference: string;
  title: string;
  /** The resolution as staff wrote it (identity numbers masked). */
  message: string;
  /** A first-line answer to a consumer-side cause rather than a provider fix. */
  local: boolean;
}

export const INCIDENT_RESOLVED_MAIL = defineMailTemplate<IncidentResolvedMail>('incident-resolved', __dirname);
