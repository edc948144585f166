import { defineMailTemplate } from '@platform/mail';

/** To the security role: a security case's 72-hour clock is running out. Never the case's words. */
export interface SecurityDeadlineMail {
  reference: string;
  /** Whole hours left when the warning is written (0: less than one); the deadline may have passed. */
  hoursLeft: number;
  overdue: boolean;
  deadline: Date;
  caseUrl: string;
}

export const SECURITY_DEADLINE_MAIL = defineMailTemplate<SecurityDeadlineMail>('security-deadline', __dirname, { reader: 'staff' });
