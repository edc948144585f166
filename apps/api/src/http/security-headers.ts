import type { IncomingMessage, ServerResponse } from 'node:http';

import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's security headers for these options, worked out once. They do not depend on the
 * request (no nonces), and helmet's middleware parses its options again on every request: a
 * sixth of what a small API answer cost. helmet stays the one source of the rules.
 */
export function securityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const csp = options.contentSecurityPolicy;
  const directives = typeof csp === 'object' ? Object.values(csp.directives ?? {}) : [];
  if (directives.flat().some((value) => typeof value === 'function'))
    throw new Error('a directive worked out per request (a nonce) cannot be sent as a fixed header');
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => void (headers[name] = String(value)),
    removeHeader: (name: string) => void delete headers[name],
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return Object.freeze(headers);
}
