import { defineMailTemplate } from '@platform/mail';

/** One consumer behind the request, as Skatteetaten reads it. */
export interface ForwardedSupporter {
  /** "name (organisation number)" */
  consumer: string;
  useCase: string;
}

/** The consolidated change request to the service's escalation addresses at Skatteetaten: the first message of its thread. */
export interface ChangeRequestForwardMail {
  reference: string;
  title: string;
  service: string;
  serviceArea: string | null;
  description: string;
  /** In Norwegian, as the recipient reads it. */
  urgency: string;
  priority: string | null;
  supporterCount: number;
  supporters: ForwardedSupporter[];
  /** KS's own words to Skatteetaten, if any. */
  note: string | null;
}

export const CHANGE_REQUEST_FORWARD_MAIL = defineMailTemplate<ChangeRequestForwardMail>('change-request-forward', __dirname, {
  toOneParty: true,
  reader: 'skatteetaten',
});
