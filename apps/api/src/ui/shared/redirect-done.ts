import type { FastifyReply } from 'fastify';

/**
 * Answers a form's POST with a redirect (303: the browser follows it with a GET, so a reload does
 * not post again) to the page that shows its outcome; `done` names the outcome for that page's
 * confirmation.
 */
export function redirectDone(res: FastifyReply, path: string, code: string): void {
  res.redirect(`${path}?done=${code}`, 303);
}
