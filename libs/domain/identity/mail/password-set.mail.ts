import { defineMailTemplate } from '@platform/mail';

/** A one-time link to choose a password: for a new staff account, or a reset. */
export interface PasswordSetMail {
  name: string;
  link: string;
  expiresAt: Date;
  reset: boolean;
}

export const PASSWORD_SET_MAIL = defineMailTemplate<PasswordSetMail>('password-set', __dirname, {
  carriesCredential: true,
  reader: 'staff',
});
