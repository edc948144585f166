declare const dataType: unique symbol;

/**
 * An e-mail template: its name (kept on the outbox row) and the folder that holds
 * `<name>.subject.hbs`, `<name>.html.hbs` and `<name>.text.hbs`. `TData` is what the template
 * reads; it exists only in the type, so that enqueueing a template with other data does not compile.
 * Every template may also read the MailGlobals.
 */
export interface MailTemplate<TData extends object> {
  readonly name: string;
  readonly directory: string;
  readonly [dataType]?: TData;
}

/** What every template can read besides its own data (the renderer adds it). */
export interface MailGlobals {
  publicUrl: string;
  /** KS's sign-off: who the recipient reaches by answering. */
  ksContact: string;
}

/**
 * Defines a template owned by the context that sends it, in a `*.mail.ts` file with its three
 * `.hbs` files beside it: `defineMailTemplate<EscalationMail>('escalation', __dirname)`; a template
 * whose links act for the recipient says `{ carriesCredential: true }`.
 */
export function defineMailTemplate<TData extends object>(
  name: string,
  directory: string,
  options: { carriesCredential?: boolean } = {},
): MailTemplate<TData> {
  if (options.carriesCredential) CREDENTIAL_TEMPLATES.add(name);
  return Object.freeze({ name, directory });
}

/**
 * Templates whose links act for their recipient (a password or sign-in link, a personal
 * acknowledgement link): whoever reads such a message can act as the recipient.
 */
const CREDENTIAL_TEMPLATES = new Set<string>();

export function carriesCredential(template: string): boolean {
  return CREDENTIAL_TEMPLATES.has(template);
}
