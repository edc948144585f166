import { withoutNationalIdentityNumbers } from '@domain/shared';
import { type RenderedEmail, TemplateRenderer } from '@platform/mail';

import { ESCALATION_MAIL, type EscalationMail, type EscalationSample } from './escalation.mail';
import { ESCALATION_CLOSED_MAIL } from './escalation-closed.mail';
import { ESCALATION_FOLLOW_UP_MAIL } from './escalation-follow-up.mail';
import { INCIDENT_ESCALATED_MAIL } from './incident-escalated.mail';
import { INCIDENT_RESOLVED_MAIL } from './incident-resolved.mail';
import { REPORT_CONFIRMATION_MAIL } from './report-confirmation.mail';
import { SECURITY_DEADLINE_MAIL } from './security-deadline.mail';

const renderer = new TemplateRenderer({ publicUrl: 'https://desk.test', ksContact: 'KS brukerstøtte' }, withoutNationalIdentityNumbers);
const sample: EscalationSample = {
  title: 'Får 503',
  description: 'Alle oppslag feiler',
  receivedAt: new Date('2030-01-10T08:00:00Z'),
  errorCode: 'SSG-010',
};
const escalation: EscalationMail = {
  reference: 'KS-2030-0007',
  title: 'Summert skattegrunnlag svarer 503',
  environment: 'produksjon',
  services: ['Summert skattegrunnlag API'],
  firstSeenAt: new Date('2030-01-10T08:00:00Z'),
  lastSeenAt: new Date('2030-01-10T09:30:00Z'),
  consumerCount: 3,
  reportCount: 4,
  consumers: ['Bergen kommune (964338531)', 'Oslo kommune (974760673)'],
  errorCodes: ['SSG-010'],
  httpStatuses: [503],
  correlationIds: ['c-1', 'c-2'],
  moreCorrelationIds: 0,
  samples: [sample],
  severity: 'high',
  skeCaseReference: null,
  security: false,
  deadline: null,
};

describe('the incidents e-mails', () => {
  it.each<[string, () => RenderedEmail, string, string[]]>([
    [
      'escalation',
      () => renderer.render(ESCALATION_MAIL, escalation),
      '[KS-2030-0007] Summert skattegrunnlag svarer 503 – Summert skattegrunnlag API (produksjon), 3 kommuner berørt',
      ['Omfang:          3 kommuner, 4 meldinger', 'Berørte kommuner: Bergen kommune (964338531), Oslo kommune (974760673)', '  c-2'],
    ],
    [
      'security escalation',
      () =>
        renderer.render(ESCALATION_MAIL, {
          ...escalation,
          consumerCount: 1,
          security: true,
          deadline: new Date('2030-01-13T08:00:00Z'),
        }),
      '[KS-2030-0007] Sikkerhetshendelse/personvernavvik: Summert skattegrunnlag svarer 503 – Summert skattegrunnlag API (produksjon), 1 kommune berørt',
      ['72-TIMERSFRIST: første melding kom 10.01.2030, 09:00. Fristen for melding til Datatilsynet løper til 13.01.2030, 09:00.'],
    ],
    [
      'escalation follow-up',
      () =>
        renderer.render(ESCALATION_FOLLOW_UP_MAIL, {
          reference: 'KS-2030-0007',
          title: 'Summert skattegrunnlag svarer 503',
          threadSubject: '[KS-2030-0007] Summert skattegrunnlag svarer 503 – Summert skattegrunnlag (produksjon), 2 kommuner berørt',
          newReports: 2,
          consumerCount: 4,
          reportCount: 6,
          newConsumers: ['Tromsø kommune (940101808)'],
          newErrorCodes: ['SSG-010'],
          correlationIds: ['c-9'],
          samples: [sample],
          security: false,
        }),
      'Re: [KS-2030-0007] Summert skattegrunnlag svarer 503 – Summert skattegrunnlag (produksjon), 2 kommuner berørt',
      ['2 nye meldinger siden sist. Nå 4 kommuner og 6 meldinger totalt.', 'Kommuner i de nye meldingene: Tromsø kommune (940101808)'],
    ],
    [
      'escalation follow-up, one of each',
      () =>
        renderer.render(ESCALATION_FOLLOW_UP_MAIL, {
          reference: 'KS-2030-0007',
          title: 'Summert skattegrunnlag svarer 503',
          threadSubject: null,
          newReports: 1,
          consumerCount: 1,
          reportCount: 1,
          newConsumers: [],
          newErrorCodes: [],
          correlationIds: [],
          samples: [sample],
          security: false,
        }),
      'Re: [KS-2030-0007] Summert skattegrunnlag svarer 503',
      ['1 ny melding siden sist. Nå 1 kommune og 1 melding totalt.'],
    ],
    [
      'security deadline, one hour left',
      () =>
        renderer.render(SECURITY_DEADLINE_MAIL, {
          reference: 'KS-2030-0009',
          hoursLeft: 1,
          overdue: false,
          deadline: new Date('2030-06-01T10:00:00Z'),
          caseUrl: 'https://desk.test/security-cases/x',
        }),
      'Sikkerhetssak KS-2030-0009: 1 time igjen av fristen på 72 timer',
      ['Sikkerhetssaken KS-2030-0009 har 1 time igjen før fristen på 72 timer går ut 01.06.2030, 12:00.'],
    ],
    [
      'security deadline, less than an hour left',
      () =>
        renderer.render(SECURITY_DEADLINE_MAIL, {
          reference: 'KS-2030-0009',
          hoursLeft: 0,
          overdue: false,
          deadline: new Date('2030-06-01T10:00:00Z'),
          caseUrl: 'https://desk.test/security-cases/x',
        }),
      'Sikkerhetssak KS-2030-0009: under én time igjen av fristen på 72 timer',
      ['har under én time igjen'],
    ],
    [
      'security deadline, passed',
      () =>
        renderer.render(SECURITY_DEADLINE_MAIL, {
          reference: 'KS-2030-0009',
          hoursLeft: 0,
          overdue: true,
          deadline: new Date('2030-06-01T10:00:00Z'),
          caseUrl: 'https://desk.test/security-cases/x',
        }),
      'Sikkerhetssak KS-2030-0009: fristen på 72 timer er ute',
      ['Fristen på 72 timer for sikkerhetssaken KS-2030-0009 gikk ut 01.06.2030, 12:00.'],
    ],
    [
      'escalation closed',
      () =>
        renderer.render(ESCALATION_CLOSED_MAIL, {
          reference: 'KS-2030-0007',
          title: 'Summert skattegrunnlag svarer 503',
          threadSubject: '[KS-2030-0007] Summert skattegrunnlag svarer 503 – Summert skattegrunnlag (produksjon), 2 kommuner berørt',
          message: 'Rettet i produksjon.',
          consumerCount: 5,
        }),
      'Re: [KS-2030-0007] Summert skattegrunnlag svarer 503 – Summert skattegrunnlag (produksjon), 2 kommuner berørt',
      ['KS har lukket KS-2030-0007. 5 kommuner var berørt.', 'Rettet i produksjon.'],
    ],
    [
      'incident resolved',
      () =>
        renderer.render(INCIDENT_RESOLVED_MAIL, {
          name: 'Kari',
          reference: 'KS-2030-0007',
          title: 'Summert skattegrunnlag svarer 503',
          message: 'Rettet.',
          local: false,
        }),
      'Løst: Summert skattegrunnlag svarer 503 (KS-2030-0007)',
      ['Hei Kari,', 'Hendelsen «Summert skattegrunnlag svarer 503» (KS-2030-0007) som dere meldte om, er løst.'],
    ],
    [
      'incident answered locally',
      () =>
        renderer.render(INCIDENT_RESOLVED_MAIL, {
          name: '',
          reference: 'KS-2030-0009',
          title: 'Mangler delegering',
          message: 'Deleger i Altinn.',
          local: true,
        }),
      'Svar på meldingen deres: Mangler delegering (KS-2030-0009)',
      ['Hei,\n', 'KS har sett på meldingen deres om «Mangler delegering».'],
    ],
    [
      'incident escalated, to a reporter',
      () =>
        renderer.render(INCIDENT_ESCALATED_MAIL, {
          reference: 'KS-2030-0007',
          title: 'Summert skattegrunnlag API',
          reports: ['KS-M-2030-0001', 'KS-M-2030-0004'],
          consumerCount: 24,
        }),
      'Meldt til Skatteetaten: Summert skattegrunnlag API (KS-2030-0007)',
      [
        'Den følges opp som hendelsen KS-2030-0007 (Summert skattegrunnlag API), og 24 kommuner er berørt.',
        'Meldingene deres: KS-M-2030-0001, KS-M-2030-0004',
      ],
    ],
    [
      'incident escalated, one municipality',
      () =>
        renderer.render(INCIDENT_ESCALATED_MAIL, {
          reference: 'KS-2030-0008',
          title: 'Inntekt',
          reports: ['KS-M-2030-0002'],
          consumerCount: 1,
        }),
      'Meldt til Skatteetaten: Inntekt (KS-2030-0008)',
      ['og 1 kommune er berørt.'],
    ],
    [
      'report confirmation',
      () =>
        renderer.render(REPORT_CONFIRMATION_MAIL, {
          report: {
            id: 'r-1',
            reference: 'KS-M-2030-0001',
            title: 'Får 503',
            receivedAt: new Date('2030-01-10T08:00:00Z'),
            errorCode: 'SSG-010',
          },
          serviceName: 'Summert skattegrunnlag API',
          environment: 'produksjon',
          incidentReference: 'KS-2030-0007',
          masked: true,
          maskingNotice: 'Fødselsnummer fjernet.',
          knownIssue: null,
        }),
      'Vi har mottatt meldingen din KS-M-2030-0001: Får 503',
      [
        'Tjeneste: Summert skattegrunnlag API (produksjon)',
        'Den er koblet til hendelsen KS-2030-0007.',
        'Obs: Fødselsnummer fjernet.',
        'https://desk.test/portal/reports/ref/KS-M-2030-0001',
      ],
    ],
    [
      'report confirmation of a known issue',
      () =>
        renderer.render(REPORT_CONFIRMATION_MAIL, {
          report: {
            id: 'r-2',
            reference: 'KS-M-2030-0002',
            title: 'Får 503',
            receivedAt: new Date('2030-01-10T08:00:00Z'),
            errorCode: null,
          },
          serviceName: 'Summert skattegrunnlag API',
          environment: 'produksjon',
          incidentReference: 'KS-2030-0007',
          masked: false,
          maskingNotice: 'Fødselsnummer fjernet.',
          knownIssue: {
            title: 'Redusert tilgjengelighet',
            link: 'https://status.test/17',
            notice: 'Skatteetaten har allerede meldt om feilen.',
          },
        }),
      'Vi har mottatt meldingen din KS-M-2030-0002: Får 503 (kjent feil)',
      ['Kjent feil: Skatteetaten har allerede meldt om feilen.', 'Driftsmelding: Redusert tilgjengelighet', 'https://status.test/17'],
    ],
  ])('%s', (_name, render, subject, lines) => {
    const mail = render();
    expect(mail.subject).toBe(subject);
    for (const line of lines) expect(mail.text).toContain(line);
    expect(mail.text).toContain('KS brukerstøtte');
    expect(mail.html).toContain(`<title>${mail.subject.replace(/&/g, '&amp;')}</title>`);
  });
});
