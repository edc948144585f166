import { defineMailTemplate } from '@platform/mail';

/** The notice itself, to one address, with its personal acknowledgement link. */
export interface NoticeMail {
  name: string;
  title: string;
  kindLabel: string;
  /** What the subject calls it: «Endringsvarsel», «Planlagt vedlikehold» or «Driftsmelding». */
  subjectLabel: string;
  /** Every consumer the address is a contact for. */
  consumerNames: string[];
  /** The text for the contact's role (the default when their consumers gave them several roles). */
  body: string;
  /** With several roles: each role's own text, under its heading. */
  roleTexts: Array<{ heading: string; text: string }>;
  /** The names from the catalogue of the services any of them has access to. */
  services: string[];
  /** When the address answers for several consumers: each one's services; else empty. */
  servicesByConsumer: Array<{ name: string; services: string[] }>;
  environments: string[];
  effectiveAt: Date;
  links: Array<{ title: string; url: string }>;
  /** Full link to confirm "read" (and "ready", when asked). */
  ackUrl: string;
  needsWork: boolean;
  ackExpiresAt: Date;
}

export const NOTICE_MAIL = defineMailTemplate<NoticeMail>('notice', __dirname, { carriesCredential: true });
