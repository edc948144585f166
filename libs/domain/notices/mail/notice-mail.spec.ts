import { withoutNationalIdentityNumbers } from '@domain/shared';
import { TemplateRenderer } from '@platform/mail';

import type { NoticeKind } from '../rules/notice-input';
import { NOTICE_MAIL, type NoticeMail } from './notice.mail';
import { noticeSubjectLabel } from './notice-mail.texts.nb';
import { NOTICE_REMINDER_MAIL } from './notice-reminder.mail';
import { NOTICE_WITHDRAWN_MAIL } from './notice-withdrawn.mail';

const renderer = new TemplateRenderer({ publicUrl: 'https://desk.test', ksContact: 'KS brukerstøtte' }, withoutNationalIdentityNumbers);
const notice: NoticeMail = {
  name: 'Kari',
  title: 'Nytt format for <inntekt>',
  kindLabel: 'Endring i datasett',
  subjectLabel: 'Endringsvarsel',
  consumerNames: ['Oslo kommune'],
  body: 'Feltet endres.\nSe vedlegg.',
  roleTexts: [],
  services: ['ssg', 'inntekt'],
  servicesByConsumer: [],
  environments: ['produksjon'],
  effectiveAt: new Date('2030-03-01T07:00:00Z'),
  links: [{ title: 'Varsel', url: 'https://ske.example/varsel' }],
  ackUrl: 'https://desk.test/varsler/kvittering/nack_x',
  needsWork: true,
  ackExpiresAt: new Date('2030-03-31T07:00:00Z'),
};

describe('the notice e-mails', () => {
  it.each<[NoticeKind, string]>([
    ['interface-change', 'Endringsvarsel'],
    ['dataset-change', 'Endringsvarsel'],
    ['deprecation', 'Endringsvarsel'],
    ['planned-maintenance', 'Planlagt vedlikehold'],
    ['operational-notice', 'Driftsmelding'],
  ])('name a notice of kind %s «%s» in the subject', (kind, label) => {
    expect(renderer.render(NOTICE_MAIL, { ...notice, subjectLabel: noticeSubjectLabel(kind) }).subject).toBe(
      `${label}: Nytt format for <inntekt>`,
    );
  });

  it('carry the title in the subject, the role text, the dates in Oslo time and the personal link', () => {
    const mail = renderer.render(NOTICE_MAIL, notice);
    expect(mail.subject).toBe('Endringsvarsel: Nytt format for <inntekt>');
    expect(mail.text).toContain('Endring i datasett: Nytt format for <inntekt>');
    expect(mail.text).toContain('Gjelder fra:  01.03.2030, 08:00');
    expect(mail.text).toContain('Varsel: https://ske.example/varsel');
    expect(mail.text).toContain('og senere at dere er klare for endringen:\nhttps://desk.test/varsler/kvittering/nack_x');
    expect(mail.html).toContain('Nytt format for &lt;inntekt&gt;');
  });

  it('names the one consumer and its services on one line', () => {
    const mail = renderer.render(NOTICE_MAIL, notice);
    expect(mail.text).toContain('som berører Oslo kommune.');
    expect(mail.text).toContain('Tjeneste(r):  ssg, inntekt\nMiljø:');
    expect(mail.text).not.toContain('per organisasjon');
  });

  it('to a contact for several consumers: names them all, each with its services, and says the link answers for all', () => {
    const mail = renderer.render(NOTICE_MAIL, {
      ...notice,
      consumerNames: ['Asker kommune', 'Bærum kommune', 'Oslo kommune'],
      servicesByConsumer: [
        { name: 'Asker kommune', services: ['ssg'] },
        { name: 'Bærum kommune', services: ['ssg', 'inntekt'] },
        { name: 'Oslo kommune', services: ['inntekt'] },
      ],
    });
    expect(mail.text).toContain('som berører Asker kommune, Bærum kommune og Oslo kommune.');
    expect(mail.text).toContain(
      'Tjeneste(r) per organisasjon:\n  Asker kommune: ssg\n  Bærum kommune: ssg, inntekt\n  Oslo kommune: inntekt\nMiljø:',
    );
    expect(mail.text).toContain('Den bekrefter for alle organisasjonene over');
    expect(mail.html).toContain('<li>Bærum kommune: ssg, inntekt</li>');
  });

  it("gives a contact with several roles the default text and each role's own text under its heading", () => {
    const mail = renderer.render(NOTICE_MAIL, {
      ...notice,
      roleTexts: [{ heading: 'Til tekniske kontakter', text: 'Bytt endepunkt.\nTest i test først.' }],
    });
    expect(mail.text).toContain('Feltet endres.\nSe vedlegg.\n\nTil tekniske kontakter:\nBytt endepunkt.\nTest i test først.\n');
    expect(mail.html).toContain('<strong>Til tekniske kontakter:</strong><br>Bytt endepunkt.<br>');
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
          consumerNames: ['Oslo kommune'],
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
          consumerNames: ['Oslo kommune'],
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

  it.each([
    [['Oslo kommune'], 'at Oslo kommune er klar for den.'],
    [['Asker kommune', 'Oslo kommune'], 'at Asker kommune og Oslo kommune er klare for den.'],
  ])('a reminder for %j says who is not ready', (consumerNames, line) => {
    const mail = renderer.render(NOTICE_REMINDER_MAIL, {
      name: 'Kari',
      title: 'Nytt format',
      consumerNames,
      effectiveAt: new Date('2030-03-01T07:00:00Z'),
      daysLeft: 2,
      portalUrl: 'https://desk.test/portal/varsler/n-1',
    });
    expect(mail.text).toContain(line);
    expect(mail.html).toContain(line);
  });
});
