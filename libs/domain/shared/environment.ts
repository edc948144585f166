/** Skatteetaten's environments: a consumer has access to and reports from one of these. */
export const ENVIRONMENTS = ['production', 'test'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
