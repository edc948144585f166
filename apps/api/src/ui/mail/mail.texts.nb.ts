import type { NavSection } from '../shared/navigation';

export const MAIL_NAV: NavSection[] = [{ menu: 'staff', label: 'Sendt e-post', href: '/mail', order: 70, permission: 'mail.read' }];

export const MAIL_TITLES = { list: 'Sendt e-post', message: 'E-post' };

/** In place of the subject of an e-mail about a security case the reader may not see. */
export const MAIL_RESTRICTED_SUBJECT = 'Sikkerhetssak (innholdet er skjermet)';

export const MAIL_COLUMNS = { created: 'Laget', subject: 'Emne', to: 'Til', status: 'Status', attempts: 'Forsøk' };

export const MAIL_ERROR_TEXTS: Record<string, string> = {
  credential_mail: 'Bare administratorer kan lese e-post med personlige lenker (passord, innlogging eller bekreftelse av varsel).',
};
