/** The audit log's names for what was done to what, by whom: shown wherever entries of the log are. */

/**
 * Every action code the desk records, by the part of the desk it concerns, as the audit log, its
 * filter and a consumer's history name them. The spec beside fails when a recorded code has no text here.
 */
export const AUDIT_ACTION_GROUPS: ReadonlyArray<{ key: string; label: string; actions: Readonly<Record<string, string>> }> = [
  {
    key: 'sign-in',
    label: 'Innlogging (KS)',
    actions: {
      'login.succeeded': 'Logget inn',
      'login.failed': 'Innlogging mislyktes',
      'login.locked': 'Kontoen ble låst etter for mange forsøk',
      logout: 'Logget ut',
    },
  },
  {
    key: 'staff',
    label: 'Brukere',
    actions: {
      'staff.bootstrapped': 'Første administrator opprettet ved oppstart',
      'staff.first_admin_created': 'Første administrator opprettet med oppsettlenken',
      'staff.created': 'Bruker opprettet',
      'staff.updated': 'Bruker endret',
      'staff.password_set': 'Passord valgt',
      'staff.password_reset_requested': 'Ny passordlenke bedt om',
      'staff.password_reset_issued': 'Ny passordlenke laget av administrator',
    },
  },
  {
    key: 'api-tokens',
    label: 'API-nøkler for KS-ansatte',
    actions: { 'api_token.created': 'API-nøkkel laget', 'api_token.revoked': 'API-nøkkel trukket tilbake' },
  },
  {
    key: 'consumers',
    label: 'Konsumenter',
    actions: {
      'consumer.created': 'Konsument registrert',
      'consumer.created_by_import': 'Konsument registrert ved import',
      'consumer.updated': 'Konsument endret',
      'consumer.updated_by_import': 'Konsument endret ved import',
      'consumer.contact_added': 'Kontaktperson lagt til',
      'consumer.contact_updated': 'Kontaktperson endret',
      'consumer.contact_removed': 'Kontaktperson fjernet',
      'consumer.agreement_set': 'Avtale registrert',
      'consumer.service_added': 'Tjenestetilgang gitt',
      'consumer.service_updated': 'Tjenestetilgang endret',
      'consumer.service_removed': 'Tjenestetilgang fjernet',
      'consumer.api_key_created': 'API-nøkkel for konsument laget',
      'consumer.api_key_revoked': 'API-nøkkel for konsument trukket tilbake',
      'consumer.onboarding_checklist_updated': 'Sjekkliste for påkobling endret',
      'consumer.onboarding_advanced': 'Påkobling flyttet til neste steg',
      'onboarding.queue_reordered': 'Påkoblingskøen sortert på nytt',
    },
  },
  {
    key: 'portal',
    label: 'Konsumentportalen',
    actions: {
      'portal.sign_in_link_sent': 'Innloggingslenke sendt',
      'portal.signed_in': 'Logget inn i portalen',
      'portal.signed_out': 'Logget ut av portalen',
    },
  },
  {
    key: 'incidents',
    label: 'Hendelser og meldinger',
    actions: {
      'incident.triaged': 'Hendelse vurdert',
      'incident.security_step': 'Punkt på sikkerhetssakens sjekkliste utført',
      'incident.escalated': 'Hendelse eskalert til Skatteetaten',
      'incident.escalation_sent_now': 'Eskalering sendt med en gang',
      'incident.consumer_joined': 'Konsument meldt berørt av kjent feil',
      'incident.resolved': 'Hendelse løst',
      'incident.reopened': 'Hendelse gjenåpnet av kommunen',
      'incident.message_sent': 'Melding sendt fra hendelsen',
      'incident.merged': 'Hendelser slått sammen',
      'incident.merge_rejected': 'Forslag om sammenslåing avvist',
      'incident.split': 'Meldinger skilt ut i ny hendelse',
      'report.moved': 'Melding flyttet til en annen hendelse',
      'report.imported': 'Meldinger importert',
      'report.personal_data_revealed': 'Originaltekst med personopplysninger vist',
    },
  },
  {
    key: 'change-requests',
    label: 'Endringsønsker',
    actions: {
      'change_request.submitted': 'Endringsønske sendt inn',
      'change_request.supported': 'Endringsønske støttet',
      'change_request.merged': 'Endringsønske slått sammen med et annet',
      'change_request.unmerged': 'Sammenslåing av endringsønske angret',
      'change_request.assessed': 'Endringsønske vurdert',
      'change_request.forwarded': 'Endringsønske sendt videre til Skatteetaten',
      'change_request.answered': 'Svar fra Skatteetaten registrert',
    },
  },
  {
    key: 'tickets',
    label: 'Henvendelser',
    actions: {
      'ticket.opened': 'Henvendelse registrert for en innringer',
      'ticket.replied': 'Henvendelse besvart',
      'ticket.note_added': 'Intern merknad skrevet',
      'ticket.status_changed': 'Status på henvendelse endret',
      'ticket.assigned': 'Henvendelse tildelt',
      'ticket.priority_set': 'Prioritet på henvendelse endret',
      'ticket.tags_set': 'Stikkord på henvendelse endret',
      'ticket.linked': 'Henvendelse koblet til en sak',
      'ticket.unlinked': 'Kobling fra henvendelse fjernet',
      'ticket.merged': 'Henvendelse slått sammen med en annen',
      'ticket.unmerged': 'Sammenslåing av henvendelse angret',
      'ticket.sla_breached': 'Frist for henvendelse overskredet',
      'canned_response.created': 'Standardsvar laget',
      'canned_response.updated': 'Standardsvar endret',
      'canned_response.deleted': 'Standardsvar slettet',
    },
  },
  {
    key: 'catalogue',
    label: 'Bilag 2',
    actions: {
      'catalogue_version.created': 'Bilag 2-versjon opprettet',
      'catalogue_version.updated': 'Bilag 2-kladd endret',
      'catalogue_version.published': 'Bilag 2-versjon publisert',
      'catalogue_version.deleted': 'Bilag 2-kladd slettet',
    },
  },
  {
    key: 'notices',
    label: 'Endringsvarsler',
    actions: {
      'notice.created': 'Endringsvarsel opprettet',
      'notice.proposed': 'Utkast til endringsvarsel foreslått ut fra ny versjon av tjenestekatalogen',
      'notice.updated': 'Endringsvarsel endret',
      'notice.scheduled': 'Endringsvarsel planlagt sendt',
      'notice.unscheduled': 'Planlagt utsending av endringsvarsel stanset',
      'notice.sent': 'Endringsvarsel sendt',
      'notice.withdrawn': 'Endringsvarsel trukket tilbake',
      'notice.acknowledged_read': 'Endringsvarsel bekreftet lest',
      'notice.acknowledged_ready': 'Konsumenten bekreftet at de er klare for endringen',
      'notice-feed.registered': 'Kilde fra Skatteetaten lagt til',
      'notice-feed.enabled': 'Kilde leses igjen',
      'notice-feed.disabled': 'Kilde stoppet',
      'operational-message.started': 'Driftsmelding aktiv',
      'operational-message.ended': 'Driftsmelding avsluttet',
    },
  },
  {
    key: 'knowledge',
    label: 'Kunnskapsbase',
    actions: {
      'knowledge_article.created': 'Artikkel opprettet',
      'knowledge_article.edited': 'Artikkel endret (ny versjon)',
      'knowledge_article.restored': 'Tidligere versjon av artikkel hentet tilbake',
      'knowledge_article.published': 'Artikkel publisert',
      'knowledge_article.archived': 'Artikkel arkivert',
      'knowledge_article.unpublished': 'Artikkel tatt tilbake til kladd',
    },
  },
  {
    key: 'mail',
    label: 'E-post',
    actions: {
      'mail.retried': 'Mislykket e-post sendt på nytt',
      'domain_event.retried': 'Mislykket bakgrunnsjobb satt i kø på nytt',
    },
  },
];

/** Action code → what the log shows. */
export const AUDIT_ACTION_TEXTS: Readonly<Record<string, string>> = Object.assign({}, ...AUDIT_ACTION_GROUPS.map((g) => g.actions));

export const AUDIT_OBJECT_TYPE_TEXTS: Readonly<Record<string, string>> = {
  staff_user: 'Bruker',
  api_token: 'API-nøkkel',
  consumer: 'Konsument',
  onboarding_queue: 'Påkoblingskø',
  incident: 'Hendelse',
  report: 'Melding',
  catalogue_version: 'Bilag 2-versjon',
  knowledge_article: 'Artikkel i kunnskapsbasen',
  outbox_message: 'E-post',
  domain_event: 'Bakgrunnsjobb',
  change_request: 'Endringsønske',
  ticket: 'Henvendelse',
  canned_response: 'Standardsvar',
  notice: 'Endringsvarsel',
  notice_feed: 'Kilde',
  operational_message: 'Driftsmelding',
};

export const AUDIT_ACTOR_KIND_TEXTS: Readonly<Record<string, string>> = {
  staff: 'KS-ansatt',
  consumer: 'konsument',
  system: 'systemet',
  anonymous: 'ikke innlogget',
};
