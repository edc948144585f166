import type { OperationalMessageInput } from '@domain/notices';

import { type FormBody, list, nullable, text } from '../shared/form-body';

/** The "add a feed" form as the domain reads it. */
export const feedFromForm = (body: FormBody) => ({ url: text(body.url), kind: text(body.kind) });

/** The "register an operational message" form: it starts now. */
export const operationalMessageFromForm = (body: FormBody): OperationalMessageInput => ({
  title: text(body.title),
  link: nullable(body.link),
  services: list(body.services),
  environments: list(body.environments),
});
