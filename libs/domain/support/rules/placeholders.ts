/** The placeholders a canned response may use, with what each stands for. */
export const PLACEHOLDERS = {
  navn: 'the requester’s name',
  referanse: 'the ticket’s reference',
  kommune: 'the consumer’s name',
  emne: 'the ticket’s subject',
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;

const PATTERN = /\{\{\s*([a-zæøå]+)\s*\}\}/gi;

/** The placeholders a text names that are not known, so a typo is refused when the response is saved. */
export function unknownPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PATTERN)].map((m) => m[1].toLowerCase()))].filter((name) => !(name in PLACEHOLDERS));
}

/**
 * Fills the placeholders as plain text: a value is never read as a placeholder or markup itself
 * (the answer is stored and shown as text, escaped where it is shown). A missing value becomes empty.
 */
export function fillPlaceholders(text: string, values: Partial<Record<Placeholder, string | null>>): string {
  return text.replace(PATTERN, (whole, name: string) => {
    const key = name.toLowerCase();
    return key in PLACEHOLDERS ? (values[key as Placeholder] ?? '') : whole;
  });
}
