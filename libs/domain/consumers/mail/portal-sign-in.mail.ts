import { defineMailTemplate } from '@platform/mail';

/** One-time sign-in links to the consumer portal, one per organisation the contact belongs to. */
export interface PortalSignInMail {
  name: string;
  links: Array<{ organisation: string; link: string }>;
  expiresAt: Date;
}

export const PORTAL_SIGN_IN_MAIL = defineMailTemplate<PortalSignInMail>('portal-sign-in', __dirname, { carriesCredential: true });
