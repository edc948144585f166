import { defineMailTemplate } from '@platform/mail';

/** To each reporter of an incident, once per escalation: KS has taken the problem to Skatteetaten. */
export interface IncidentEscalatedMail {
  reference: string;
  /** The title KS gave the incident, or its service: never another municipality's words. */
  title: string;
  /** The reporter's own reports in the incident. */
  reports: string[];
  /** Municipalities affected when it was escalated. */
  consumerCount: number;
}

export const INCIDENT_ESCALATED_MAIL = defineMailTemplate<IncidentEscalatedMail>('incident-escalated', __dirname);
