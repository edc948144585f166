import type { NavSection } from '../shared/navigation';
import { abilitiesOf } from '../shared/staff-access';

export const MAIL_NAV: NavSection[] = [
  { menu: 'staff', label: 'Sendt e-post', href: '/mail', order: 70, visibleTo: (p) => abilitiesOf(p).canReadMail },
];

export const MAIL_TITLES = { list: 'Sendt e-post', message: 'E-post' };

export const MAIL_ERROR_TEXTS: Record<string, string> = {
  credential_mail: 'Bare administratorer kan lese e-post med engangslenke for passord eller innlogging.',
};
