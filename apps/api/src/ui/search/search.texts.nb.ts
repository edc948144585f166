export const SEARCH_TEXTS = {
  title: 'Søk',
  resultsTitle: (text: string) => `Søk etter «${text}»`,
  empty: 'Skriv et ord, et navn, et organisasjonsnummer, en feilkode eller en referanse (KS-…, M-…, EN-…).',
  none: 'Ingen treff.',
  noneInGroup: 'Ingen treff her.',
  showAll: (total: string) => `Vis alle ${total}`,
};

/** «Treff» is the same in singular and plural: 1 treff, 12 treff. */
export const HIT_NOUN = { one: 'treff', other: 'treff' };
