import { defineMailTemplate } from '@platform/mail';

/** To the security role: a security case's 72-hour clock is running out. Never the case's words. */
export interface SecurityDeadlineMail {
  reference: string;
  hoursLeft: number;
  /** The deadline, written out in Norwegian time. */
  deadline: string;
  caseUrl: string;
}

export const SECURITY_DEADLINE_MAIL = defineMailTemplate<SecurityDeadlineMail>('security-deadline', __dirname);
