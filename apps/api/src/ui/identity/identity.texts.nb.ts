import type { PageTexts } from '../shared/form-errors';
import type { NavSection } from '../shared/navigation';

export const IDENTITY_NAV: NavSection[] = [
  { menu: 'staff', label: 'Brukere', href: '/staff', order: 90, permission: 'staff-user.manage' },
  { menu: 'staff', label: 'Grupper', href: '/staff-groups', order: 95, permission: 'staff-group.manage' },
  { menu: 'staff', label: 'API-nøkler', href: '/tokens', order: 100, permission: 'api-token.manage' },
];

export const IDENTITY_TITLES = {
  login: 'Logg inn',
  forgot: 'Glemt passord',
  setPassword: 'Velg passord',
  setup: 'Opprett den første administratoren',
  staff: 'Brukere',
  groups: 'Grupper',
  tokens: 'API-nøkler',
};

export const SIGN_IN_TEXTS: PageTexts = {
  errors: {
    invalid_credentials:
      'Feil e-post eller passord. Etter for mange mislykkede forsøk sperres innloggingen en kort stund; prøv igjen senere, eller be om nytt passord.',
  },
};

export const PASSWORD_TEXTS: PageTexts = {
  errors: {
    password_link_invalid: 'Lenken er ugyldig, brukt eller utløpt. Be om en ny.',
    weak_password: 'Passordet må ha minst 12 tegn.',
  },
  fields: { password: { label: 'Passord', message: 'Passordet må ha minst 12 tegn.' } },
};

export const STAFF_TEXTS: PageTexts = {
  errors: {
    staff_email_taken: 'Det finnes allerede en bruker med denne e-postadressen.',
    cannot_demote_self: 'Du kan ikke deaktivere deg selv eller fjerne din egen administratorrolle.',
    last_admin: 'Minst én aktiv administrator må være igjen.',
    not_found: 'Fant ikke brukeren.',
  },
  fields: {
    email: { label: 'E-post', message: 'Skriv en gyldig e-postadresse.' },
    name: { label: 'Navn', message: 'Navnet kan ha høyst 200 tegn.' },
    role: { label: 'Rolle', message: 'Velg en av rollene i listen.' },
  },
};

export const NEW_STAFF_TEXTS = {
  summary: 'Brukeren ble ikke opprettet. Se feltet som er merket:',
};

export const GROUP_TEXTS: PageTexts = {
  errors: {
    staff_group_not_found: 'Fant ikke gruppen.',
    staff_group_changed:
      'Noen andre endret gruppen etter at du åpnet siden. Skjemaet viser det du skrev; lagre igjen for å overskrive endringen, eller last inn siden på nytt for å se den.',
    staff_group_name_taken: 'En aktiv gruppe har allerede dette navnet.',
    staff_group_category_taken: 'En annen aktiv gruppe tar allerede imot en av disse kategoriene. Fjern den der først.',
    unknown_staff_user: 'Brukeren finnes ikke eller er deaktivert.',
  },
  fields: {
    name: { label: 'Navn', message: 'Gi gruppen et navn (høyst 100 tegn).' },
    description: { label: 'Beskrivelse', message: 'Beskrivelsen kan ha høyst 1000 tegn.' },
    categories: { label: 'Tar imot', message: 'Velg kategorier fra listen.' },
    staffId: { label: 'Nytt medlem', message: 'Velg en aktiv bruker.' },
  },
};

/** The assignment groups page: what groups are for, and what each part of it says. */
export const GROUP_PAGE_TEXTS = {
  intro:
    'En gruppe er et team av saksbehandlere. Nye henvendelser går til gruppen som tar imot kategorien deres, og medlemmene får varsel. Har en sak en gruppe, kan bare medlemmer av gruppen være saksbehandler.',
  noCategories: 'Ingen (bare tildeling for hånd)',
  noMembers: 'Ingen medlemmer ennå.',
  archived: 'Arkivert',
  active: 'I bruk',
  done: {
    created: 'Gruppen er opprettet.',
    saved: 'Gruppen er lagret.',
    archived: 'Gruppen er arkivert. Den tar ikke imot nye saker.',
    restored: 'Gruppen er tatt i bruk igjen.',
    'member-added': 'Medlemmet er lagt til.',
    'member-removed': 'Medlemmet er fjernet.',
  } as Record<string, string>,
};

export const TOKEN_TEXTS: PageTexts = {
  errors: { not_found: 'Fant ikke API-nøkkelen. Den kan være trukket tilbake.' },
  fields: { name: { label: 'Navn på nøkkelen', message: 'Gi nøkkelen et navn (1–100 tegn).' } },
};

/** The first admin's setup page and the login page's notice while the installation has no users. */
export const SETUP_TEXTS: PageTexts = {
  errors: {
    setup_link_invalid:
      'Lenken for å opprette den første administratoren er ugyldig, brukt eller utløpt. Start applikasjonen på nytt for å få en ny lenke i loggen.',
    setup_done: 'Installasjonen har allerede brukere, så denne lenken kan ikke brukes. Logg inn i stedet.',
    weak_password: 'Passordet må ha minst 12 tegn.',
    passwords_differ: 'De to passordene er ikke like.',
  },
  fields: {
    name: { label: 'Navn', message: 'Skriv navnet ditt (høyst 200 tegn).' },
    email: { label: 'E-post', message: 'Skriv en gyldig e-postadresse.' },
    password: { label: 'Passord', message: 'Passordet må ha minst 12 tegn.' },
    passwordRepeat: { label: 'Gjenta passordet', message: 'Skriv det samme passordet to ganger.' },
  },
};

export const NO_USERS_NOTICE = {
  heading: 'Installasjonen har ingen brukere ennå',
  log: 'Lenken for å opprette den første administratoren står i serverens logg, i linjen som begynner med «No staff users yet». Den er gyldig i 24 timer; start applikasjonen på nytt for å få en ny.',
  cli: 'Du kan også opprette en bruker fra kommandolinjen på serveren:',
  command: 'npm run cli -- staff:create --email navn@ks.no --role admin --name "Navn Navnesen"',
};
