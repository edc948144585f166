/** Skatteetaten's environments: a consumer has access to and reports from one of these. */
export const ENVIRONMENTS = ['production', 'test'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** How e-mail names an environment, mid-sentence («Summert skattegrunnlag API (produksjon)»). */
export const ENVIRONMENT_MAIL_LABELS: Record<Environment, string> = { production: 'produksjon', test: 'test' };
