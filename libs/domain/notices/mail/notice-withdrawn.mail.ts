import { defineMailTemplate } from '@platform/mail';

/** To every recipient of a sent notice, once: it no longer applies. */
export interface NoticeWithdrawnMail {
  name: string;
  title: string;
  sentAt: Date;
}

export const NOTICE_WITHDRAWN_MAIL = defineMailTemplate<NoticeWithdrawnMail>('notice-withdrawn', __dirname);
