import { defineMailTemplate } from '@platform/mail';

/** To an address whose consumers have not confirmed "ready", a set number of days before the change. */
export interface NoticeReminderMail {
  name: string;
  title: string;
  /** The consumers the address is a contact for that are not ready. */
  consumerNames: string[];
  effectiveAt: Date;
  /** Whole days left until the change; 0 when less than one. */
  daysLeft: number;
  /** The notice in the consumer portal, where a signed-in contact confirms. */
  portalUrl: string;
}

export const NOTICE_REMINDER_MAIL = defineMailTemplate<NoticeReminderMail>('notice-reminder', __dirname, { carriesCredential: true });
