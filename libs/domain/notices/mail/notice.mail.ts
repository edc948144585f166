import { defineMailTemplate } from '@platform/mail';

/** The notice itself, to one contact, with their personal acknowledgement link. */
export interface NoticeMail {
  name: string;
  title: string;
  kindLabel: string;
  consumerName: string;
  /** The text for the contact's role. */
  body: string;
  /** The services' names from the catalogue. */
  services: string[];
  environments: string[];
  effectiveAt: Date;
  links: Array<{ title: string; url: string }>;
  /** Full link to confirm "read" (and "ready", when asked). */
  ackUrl: string;
  needsWork: boolean;
  ackExpiresAt: Date;
}

export const NOTICE_MAIL = defineMailTemplate<NoticeMail>('notice', __dirname, { carriesCredential: true });
