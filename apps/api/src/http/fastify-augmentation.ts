import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The double-submit token for forms shown before a session exists (configure-http). */
    csrfToken?: string;
  }
  interface FastifyReply {
    /** Renders a page view (ui/shared/view-engine) as the answer. */
    view(name: string, data?: object): FastifyReply;
  }
}

/** The request's path without the query string. */
export function pathOf(req: Pick<FastifyRequest, 'url'>): string {
  const q = req.url.indexOf('?');
  return q === -1 ? req.url : req.url.slice(0, q);
}
