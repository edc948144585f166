import { withoutNationalIdentityNumbers } from '@domain/shared';
import { TemplateRenderer } from '@platform/mail';

import { NOTICE_MAIL, type NoticeMail } from './notice.mail';
import { NOTICE_REMINDER_MAIL } from './notice-reminder.mail';
import { NOTICE_WITHDRAWN_MAIL } from './notice-withdrawn.mail';

const renderer = new TemplateRenderer({ publicUrl: 'https://desk.test', ksContact: 'KS brukerstøtte' }, withoutNationalIdentityNumbers);
const notice: NoticeMail = {
  name: 'Kari',
  title: 'Nytt format for <inntekt>',
  kindLabel: 'Endring i datasett',
  consumerName: 'Oslo kommune',
  body: 'Feltet endres.\nSe vedlegg.',
  services: ['ssg', 'inntekt'],
  environments: ['produksjon'],
  effectiveAt: new Date('2030-03-01T07:00:00Z'),
  links: [{ title: 'Varsel', url: 'https://ske.example/varsel' }],
  ackUrl: 'https://desk.test/varsler/kvittering/nack_x',
  needsWork: true,
  ackExpiresAt: new Date('2030-03-31T07:00:00Z'),
};

describe('the notice e-mails', () => {
  it('carry the title in the subject, the role text, the dates in Oslo time and the personal link', () => {
    const mail = renderer.render(NOTICE_MAIL, notice);
    expect(mail.subject).toBe('Endringsvarsel: Nytt format for <inntekt>');
    expect(mail.text).toContain('Endring i datasett: Nytt format for <inntekt>');
    expect(mail.text).toContain('Gjelder fra:  01.03.2030, 08:00');
    expect(mail.text).toContain('Varsel: https://ske.example/varsel');
    expect(mail.text).toContain('og senere at dere er klare for endringen:\nhttps://desk.test/varsler/kvittering/nack_x');
    expect(mail.html).toContain('Nytt format for &lt;inntekt&gt;');
  });

  it('asks only for "read" when the kind needs no work', () => {
    expect(renderer.render(NOTICE_MAIL, { ...notice, needsWork: false }).text).toContain('Bekreft at dere har lest varselet:\nhttps://');
  });

  it.each([
    [
      'withdrawal',
      () => renderer.render(NOTICE_WITHDRAWN_MAIL, { name: 'Kari', title: 'Nytt format', sentAt: new Date('2030-01-10T08:00:00Z') }),
      'Trukket tilbake: Nytt format',
      'som KS sendte 10.01.2030, 09:00, er trukket tilbake',
    ],
    [
      'reminder',
      () =>
        renderer.render(NOTICE_REMINDER_MAIL, {
          name: 'Kari',
          title: 'Nytt format',
          consumerName: 'Oslo kommune',
          effectiveAt: new Date('2030-03-01T07:00:00Z'),
          daysLeft: 2,
          portalUrl: 'https://desk.test/portal/varsler/n-1',
        }),
      'Påminnelse: Nytt format gjelder om 2 dager',
      'https://desk.test/portal/varsler/n-1',
    ],
    [
      'reminder, the last day',
      () =>
        renderer.render(NOTICE_REMINDER_MAIL, {
          name: 'Kari',
          title: 'Nytt format',
          consumerName: 'Oslo kommune',
          effectiveAt: new Date('2030-03-01T07:00:00Z'),
          daysLeft: 0,
          portalUrl: 'https://desk.test/portal/varsler/n-1',
        }),
      'Påminnelse: Nytt format gjelder innen et døgn',
      'https://desk.test/portal/varsler/n-1',
    ],
  ])('the %s', (_, render, subject, line) => {
    const mail = render();
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(line);
  });
});
