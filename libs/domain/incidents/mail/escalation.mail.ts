import { defineMailTemplate } from '@platform/mail';

/** A report quoted to Skatteetaten (personal data already masked). */
export interface EscalationSample {
  title: string;
  description: string;
  receivedAt: Date;
  errorCode: string | null;
}

/** The first message of the thread to Skatteetaten: everything it needs about the incident in one e-mail. */
export interface EscalationMail {
  reference: string;
  title: string;
  /** In Norwegian, as the recipient reads it. */
  environment: string;
  services: string[];
  /** The earliest time a report says the fault occurred, when any says. */
  faultSince: Date | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  consumerCount: number;
  reportCount: number;
  /** "name (organisation number)", sorted */
  consumers: string[];
  errorCodes: string[];
  httpStatuses: number[];
  correlationIds: string[];
  /** How many correlation ids were left out of `correlationIds`. */
  moreCorrelationIds: number;
  samples: EscalationSample[];
  /** As Skatteetaten reads it: «kritisk», «høy», «middels» or «lav». */
  severity: string | null;
  skeCaseReference: string | null;
  security: boolean;
  /** When the 72-hour notification deadline runs out (security escalations only). */
  deadline: Date | null;
}

export const ESCALATION_MAIL = defineMailTemplate<EscalationMail>('escalation', __dirname, { toOneParty: true, reader: 'skatteetaten' });
