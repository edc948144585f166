/** One concept of the domain glossary, with its terms in bokmål, nynorsk and English and its public source. */
export type GlossaryArea =
  | 'skattegrunnlag'
  | 'skatteoppgjor'
  | 'a-ordningen'
  | 'folkeregisteret'
  | 'eiendom'
  | 'maskinporten'
  | 'altinn'
  | 'http'
  | 'api'
  | 'personvern';

export interface GlossaryEntry {
  /** language-neutral concept id (lower-case ASCII), the feature both spellings map to */
  id: string;
  area: GlossaryArea;
  /** terms in natural spelling; a trailing `*` matches any word ending */
  nb: string[];
  nn: string[];
  en: string[];
  /** the public page the terms and their meaning come from */
  source: { title: string; url: string };
  /** a broader concept this one is a kind of (nettoformue → formue): a report naming it names both */
  broader?: string;
}
