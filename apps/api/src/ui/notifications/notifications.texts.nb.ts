export const NOTIFICATIONS_TITLE = 'Varslinger';

/** What each kind of notification says; a part that notifies staff of a new kind adds its words here. */
export const NOTIFICATION_KIND_TEXTS: Record<string, string> = {
  'incident.opened': 'Ny hendelse',
  /** Its title is for the security role and administrators: others hear only that a case opened. */
  'security-case.opened': 'Ny sikkerhetssak (innholdet er skjermet)',
  'ticket.assigned': 'Henvendelse tildelt deg',
  'ticket.group_assigned': 'Henvendelse til gruppen din',
  'incident.assigned': 'Hendelse tildelt deg',
  'incident.group_assigned': 'Hendelse til gruppen din',
  'incident.mail_undelivered': 'E-post til Skatteetaten ble ikke levert',
  'change_request.reply_received': 'Skatteetaten svarte på et endringsønske',
};

/** A kind without words of its own (added before its texts) is still shown in Norwegian. */
export const UNKNOWN_KIND_TEXT = 'Ny varsling';

export const NOTIFICATIONS_TEXTS = {
  none: 'Du har ingen varslinger.',
  unread: 'Ulest',
  markAllRead: 'Merk alle som lest',
  done: { read: 'Varslingene er merket som lest.' } as Record<string, string>,
};

export const NOTIFICATION_NOUN = { one: 'varsling', other: 'varslinger' };
