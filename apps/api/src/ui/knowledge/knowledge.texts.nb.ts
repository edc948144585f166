import type { ArticleCategory, ArticleStatus } from '@domain/knowledge';

import type { PageTexts } from '../shared/form-errors';
import type { NavSection } from '../shared/navigation';
import type { PluralForms } from '../shared/numbers';

export const KNOWLEDGE_NAV: NavSection[] = [
  { menu: 'staff', label: 'Kunnskapsbase', href: '/knowledge-base', order: 60, permission: 'knowledge-article.read' },
  { menu: 'portal', label: 'Hjelp', href: '/portal/hjelp', order: 50, permission: 'knowledge-article.read' },
];

/** The group articles fill on the search page. */
export const SEARCH_LABEL = 'Kunnskapsartikler';

export const STATUS_LABELS: Record<ArticleStatus, string> = { draft: 'Kladd', published: 'Publisert', archived: 'Arkivert' };
/** The button that gives an article each status. */
export const STATUS_ACTION_LABELS: Record<ArticleStatus, string> = {
  published: 'Publiser',
  archived: 'Arkiver',
  draft: 'Tilbake til kladd',
};
export const STATUS_COLORS: Record<ArticleStatus, string> = { draft: 'warning', published: 'success', archived: 'neutral' };

export const CATEGORY_LABELS: Record<ArticleCategory, string> = {
  access: 'Tilgang og delegering',
  maskinporten: 'Maskinporten og sertifikater',
  data: 'Data og innhold',
  agreement: 'Avtale og kostnader',
  segment: 'Om segmentet',
  operations: 'Drift og feilsøking',
};

/** The editor's fields, by the names the use cases give them. */
const FIELDS: PageTexts['fields'] = {
  title: { label: 'Tittel', message: 'Skriv en tittel (høyst 200 tegn).' },
  slug: {
    label: 'Adresse (slug)',
    message: 'Bruk små bokstaver, tall og bindestrek (høyst 80 tegn), og en adresse ingen annen artikkel har.',
  },
  category: { label: 'Kategori', message: 'Velg en kategori.' },
  serviceCodes: { label: 'Tjenester', message: 'Velg tjenester fra Bilag 2.' },
  keywords: { label: 'Symptomer (stikkord)', message: 'Skriv ett stikkord per linje, høyst 40, hvert på høyst 300 tegn.' },
  errorCodes: { label: 'Feilkoder', message: 'Skriv én feilkode per linje, høyst 40.' },
  httpStatuses: { label: 'HTTP-status', message: 'Skriv HTTP-statuskoder mellom 100 og 599, skilt med komma.' },
  answer: { label: 'Kort svar', message: 'Skriv det korte svaret forslagene viser (høyst 2 000 tegn).' },
  body: { label: 'Artikkel (Markdown)', message: 'Artikkelen kan være høyst 50 000 tegn.' },
  checklist: { label: 'Sjekkliste', message: 'Skriv ett punkt per linje, høyst 40, hvert på høyst 300 tegn.' },
  ownerId: { label: 'Eier', message: 'Velg en ansatt i KS som eier.' },
  reviewDue: { label: 'Gjennomgås innen', message: 'Skriv en gyldig dato.' },
  status: { label: 'Status', message: 'Velg en gyldig status.' },
  version: { label: 'Versjon', message: 'Velg en versjon av artikkelen.' },
};

const ERRORS: Record<string, string> = {
  knowledge_article_not_found: 'Fant ikke artikkelen.',
  knowledge_article_version_not_found: 'Fant ikke den versjonen av artikkelen.',
  knowledge_article_slug_taken: 'En annen artikkel har allerede den adressen.',
  knowledge_article_edited_meanwhile:
    'Noen andre har lagret artikkelen mens du redigerte. Åpne den på nytt for å se endringene deres før du lagrer.',
  knowledge_article_status_refused: 'Artikkelen kan ikke få den statusen nå. En arkivert artikkel må tilbake til kladd før den publiseres.',
};

export const KNOWLEDGE_PAGE_TEXTS: PageTexts = {
  errors: ERRORS,
  fields: FIELDS,
  errorFields: { knowledge_article_slug_taken: 'slug' },
};

export const KNOWLEDGE_TITLES = {
  list: 'Kunnskapsbase',
  new: 'Ny artikkel',
  edit: (title: string) => `Rediger «${title}»`,
  version: (title: string, version: number) => `«${title}», versjon ${version}`,
  help: 'Hjelp',
};

export const KNOWLEDGE_TEXTS = {
  all: 'Alle',
  noOwner: 'Ingen eier',
  unknownOwner: 'Tidligere ansatt',
  noReview: 'Ikke satt',
  noRate: '—',
  allServices: 'Alle tjenester',
  versionNotes: {
    created: 'Opprettet',
    edited: 'Endret',
    seeded: 'Lagt inn av KS ved oppstart',
    restored: (version: string) => `Hentet tilbake fra versjon ${version}`,
  },
};

export const DONE_TEXTS: Record<string, string> = {
  created: 'Artikkelen er lagret som kladd.',
  saved: 'Endringene er lagret som en ny versjon.',
  unchanged: 'Ingenting var endret, så ingen ny versjon ble lagret.',
  published: 'Artikkelen er publisert. Den vises nå på hjelpesidene og i forslagene.',
  archived: 'Artikkelen er arkivert.',
  draft: 'Artikkelen er tatt tilbake til kladd.',
  restored: 'Versjonen er hentet tilbake og lagret som den nyeste.',
};

export const ARTICLE_NOUN: PluralForms = { one: 'artikkel', other: 'artikler' };

export const HELP_DONE_TEXTS: Record<string, string> = {
  solved: 'Takk! Vi har notert at svaret løste saken. Meldingen ble ikke sendt.',
  'solved-question': 'Takk! Vi har notert at svaret løste saken. Spørsmålet ble ikke sendt.',
};
