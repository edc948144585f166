import { defineMailTemplate } from '@platform/mail';

/** KS staff writing to an affected municipality's contact about an incident; an answer comes back to the incident. */
export interface IncidentMessageMunicipalityMail {
  /** The contact's name, or empty when only the address is known. */
  name: string;
  reference: string;
  title: string;
  /** As staff wrote it (identity numbers masked). */
  body: string;
  /** The municipality's own reports on the incident, for the portal link. */
  reports: string[];
}

export const INCIDENT_MESSAGE_MUNICIPALITY_MAIL = defineMailTemplate<IncidentMessageMunicipalityMail>(
  'incident-message-municipality',
  __dirname,
);
