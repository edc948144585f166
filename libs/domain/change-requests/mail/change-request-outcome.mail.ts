import { defineMailTemplate } from '@platform/mail';

/** To each contact of every consumer behind a change request, once: what came of it (an update to many, so marked automatic). */
export interface ChangeRequestOutcomeMail {
  /** The recipient's name, or empty when only the address is known. */
  name: string;
  reference: string;
  title: string;
  service: string;
  /** Skatteetaten answered (else KS declined the request itself). */
  answered: boolean;
  /** Skatteetaten's answer or KS's reason, as staff recorded it. */
  message: string;
}

export const CHANGE_REQUEST_OUTCOME_MAIL = defineMailTemplate<ChangeRequestOutcomeMail>('change-request-outcome', __dirname);
