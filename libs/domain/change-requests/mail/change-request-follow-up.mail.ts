import { defineMailTemplate } from '@platform/mail';

import type { ForwardedSupporter } from './change-request-forward.mail';

/** A reply in the thread of a forwarded request: more consumers need the change. */
export interface ChangeRequestFollowUpMail {
  reference: string;
  title: string;
  /** Consumers behind the request now, the new ones included. */
  supporterCount: number;
  newSupporters: ForwardedSupporter[];
}

export const CHANGE_REQUEST_FOLLOW_UP_MAIL = defineMailTemplate<ChangeRequestFollowUpMail>('change-request-follow-up', __dirname, {
  toOneParty: true,
  reader: 'skatteetaten',
});
