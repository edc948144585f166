import { withoutNationalIdentityNumbers } from '@domain/shared';
import { type RenderedEmail, TemplateRenderer } from '@platform/mail';

import { CHANGE_REQUEST_FOLLOW_UP_MAIL } from './change-request-follow-up.mail';
import { CHANGE_REQUEST_FORWARD_MAIL, type ChangeRequestForwardMail } from './change-request-forward.mail';
import { CHANGE_REQUEST_OUTCOME_MAIL } from './change-request-outcome.mail';

const renderer = new TemplateRenderer({ publicUrl: 'https://desk.test', ksContact: 'KS segmentansvar' }, withoutNationalIdentityNumbers);
const forward: ChangeRequestForwardMail = {
  reference: 'EN-2030-0003',
  title: 'Inntekt per måned',
  service: 'Inntekt API',
  serviceArea: 'Boligsosialt arbeid',
  description: 'Gi inntekt per måned.',
  urgency: 'høy',
  priority: null,
  supporterCount: 2,
  supporters: [
    { consumer: 'Bergen kommune (964338531)', useCase: 'Startlån.' },
    { consumer: 'Oslo kommune (974760673)', useCase: 'Bostøtte.' },
  ],
  note: null,
};

describe('the change request e-mails', () => {
  it.each<[string, () => RenderedEmail, string, string[], string[]]>([
    [
      'forward to Skatteetaten',
      () => renderer.render(CHANGE_REQUEST_FORWARD_MAIL, forward),
      'Endringsønske fra kommunene: Inntekt per måned (EN-2030-0003)',
      [
        'for tjenesten Inntekt API (Boligsosialt arbeid)',
        'Antall kommuner som står bak: 2',
        '- Bergen kommune (964338531): Startlån.',
        '- Oslo kommune (974760673): Bostøtte.',
      ],
      ['Kommentar fra KS', "KS' prioritet"],
    ],
    [
      'forward with KS’s note and priority',
      () => renderer.render(CHANGE_REQUEST_FORWARD_MAIL, { ...forward, note: 'Viktig for mange.', priority: 'middels' }),
      'Endringsønske fra kommunene: Inntekt per måned (EN-2030-0003)',
      ['Kommentar fra KS:\nViktig for mange.', "KS' prioritet: middels"],
      [],
    ],
    [
      'follow-up in the thread',
      () =>
        renderer.render(CHANGE_REQUEST_FOLLOW_UP_MAIL, {
          reference: 'EN-2030-0003',
          title: 'Inntekt per måned',
          supporterCount: 3,
          newSupporters: [{ consumer: 'Tromsø kommune (940101808)', useCase: 'SFO.' }],
        }),
      'Re: Endringsønske fra kommunene: Inntekt per måned (EN-2030-0003)',
      ['Nå står 3 kommuner bak.', '- Tromsø kommune (940101808): SFO.'],
      [],
    ],
    [
      "Skatteetaten's answer to a supporter",
      () =>
        renderer.render(CHANGE_REQUEST_OUTCOME_MAIL, {
          name: 'Kari',
          reference: 'EN-2030-0003',
          title: 'Inntekt per måned',
          service: 'Inntekt API',
          answered: true,
          message: 'Kommer i versjon 3.',
        }),
      'Svar fra Skatteetaten på endringsønsket: Inntekt per måned (EN-2030-0003)',
      ['Hei Kari,', 'Skatteetaten har svart på endringsønsket «Inntekt per måned» (EN-2030-0003) for Inntekt API', 'Kommer i versjon 3.'],
      ['sender det ikke videre'],
    ],
    [
      'KS declining',
      () =>
        renderer.render(CHANGE_REQUEST_OUTCOME_MAIL, {
          name: '',
          reference: 'EN-2030-0004',
          title: 'Noe annet',
          service: 'Inntekt API',
          answered: false,
          message: 'Dekkes allerede av tjenesten.',
        }),
      'Svar fra KS på endringsønsket: Noe annet (EN-2030-0004)',
      ['Hei,\n', 'og sender det ikke videre til Skatteetaten.', 'Dekkes allerede av tjenesten.'],
      ['Skatteetaten har svart'],
    ],
  ])('%s', (_name, render, subject, lines, absent) => {
    const mail = render();
    expect(mail.subject).toBe(subject);
    for (const line of lines) expect(mail.text).toContain(line);
    for (const line of absent) expect(mail.text).not.toContain(line);
    expect(mail.text).toContain('KS segmentansvar');
    expect(mail.html).toContain(`<title>${mail.subject.replace(/&/g, '&amp;')}</title>`);
  });
});
