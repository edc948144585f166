/** What a ticket opened from e-mail says where the e-mail said nothing or too much. */
export const TICKET_MAIL_TEXTS = {
  noSubject: '(uten emne)',
  noText: '(E-posten hadde ingen tekst.)',
  clipped: '[… resten av e-posten er ikke tatt med her; den ligger under Innkommende e-post]',
};
