import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';

import fastifyCookie from '@fastify/cookie';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@platform/config';
import { REQUEST_LOGGING, type RequestLogging } from '@platform/logging';
import type { FastifyInstance } from 'fastify';
import { Logger } from 'nestjs-pino';

import { COOKIES } from './auth/cookies';
import { pathOf } from './http/fastify-augmentation';
import { createOpenApiDocument } from './http/openapi';
import { HttpLayerProblem, ProblemFilter, sendProblem } from './http/problem.filter';
import { prototypeKeyProblem, scalarBodyProblem, textBody, unreadableApiBody } from './http/request-body';
import { securityHeaders } from './http/security-headers';
import { createValidationPipe } from './http/validation.pipe';
import { PageContext } from './ui/shared/page-context';
import { useViewEngine } from './ui/shared/view-engine';

const MACHINE_ROUTE = /^\/(api|health)(\/|$)/;

/** Everything about the HTTP surface that is not a route: security headers, parsers, views, docs. */
export async function configureHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const secure = config.publicUrl.startsWith('https://');
  app.useLogger(app.get(Logger));
  // First, so every later step (and a failure in it) is logged under the request's id.
  const requestLog = app.get<RequestLogging>(REQUEST_LOGGING);
  fastify.addHook('onRequest', (req, reply, done) => requestLog(req.raw, reply.raw, (name, id) => reply.header(name, id), done));
  const security = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': null,
      },
    },
    hsts: secure,
  });
  await app.register(fastifyCookie);
  // An empty body sent as JSON is no body, as clients that always send the header expect; Fastify's
  // own parser would reject it. So is `null`, which some clients send for "nothing".
  const json = fastify.getDefaultJsonParser('error', 'error');
  // JSON is read as UTF-8, or in the character set the Content-Type names when the bytes are not UTF-8.
  app.useBodyParser<Server>('application/json', {}, (req, body, done) => {
    if (body.length === 0) return done(null, undefined);
    const text = textBody(body, req.headers['content-type']);
    if (text instanceof HttpLayerProblem) return done(text);
    void json(req, text, (error, value) =>
      done(error ? (prototypeKeyProblem(text) ?? error) : (scalarBodyProblem(value) ?? null), value ?? undefined),
    );
  });
  // Consumer imports come as CSV text, in the character set the Content-Type names. Both parsers take the server's body limit.
  app.useBodyParser<Server>(['text/csv', 'text/plain'], {}, (req, body, done) => {
    const text = textBody(body, req.headers['content-type']);
    return text instanceof HttpLayerProblem ? done(text) : done(null, text);
  });
  // Before any parser: a body the API cannot read is refused as such, not read as missing fields.
  fastify.addHook('onRequest', (req, reply, done) => {
    const problem = unreadableApiBody(pathOf(req), req.headers);
    if (problem) sendProblem(reply, problem);
    else done();
  });

  // A page's form posted with no body at all (no browser does; a script or a probe may) is a form
  // with no fields, answered as one, not a handler reading fields of nothing.
  fastify.addHook('preValidation', (req, _reply, done) => {
    if (req.body === undefined && req.method === 'POST' && !MACHINE_ROUTE.test(pathOf(req))) req.body = {};
    done();
  });

  fastify.addHook('onRequest', (req, reply, done) => {
    // On every answer, errors and assets included; a route may set a stricter one of its own.
    void reply.headers(security);
    // Double-submit token for forms shown before a session exists; a form shown again after a
    // failed post (a wrong password) carries the same token, so the next try is accepted.
    // Machine routes (the API, health probes) carry no forms, and a token costs a random draw each.
    if (!MACHINE_ROUTE.test(pathOf(req))) {
      let token = req.cookies[COOKIES.csrf];
      if (!token && req.method === 'GET') {
        token = randomBytes(24).toString('base64url');
        reply.setCookie(COOKIES.csrf, token, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
      }
      req.csrfToken = token;
    }
    done();
  });
  // Everything but the static assets is per caller (pages, API answers, errors): no shared or
  // browser cache may keep it, or the back button shows a signed-out user someone else's data.
  // The asset routes set their own Cache-Control before this runs.
  fastify.addHook('onSend', (_req, reply, payload, done) => {
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    done(null, payload);
  });
  const assets = (root: string, prefix: string, maxAge: string | number) =>
    app.useStaticAssets({ root, prefix, maxAge, decorateReply: false, index: false, wildcard: true });
  assets(join(__dirname, 'ui', 'assets'), '/assets/', config.nodeEnv === 'production' ? '1h' : 0);
  assets(join(dirname(require.resolve('@digdir/designsystemet-css')), '..'), '/assets/designsystemet/', 0);
  // Designsystemet's theme names Inter but does not ship it; without it pages fall back to a serif font.
  assets(dirname(require.resolve('@fontsource/inter/package.json')), '/assets/inter/', '30d');
  // The dashboards' charts: Chart.js's browser build, from the app itself like the fonts.
  assets(dirname(require.resolve('chart.js')), '/assets/chart.js/', '30d');
  // Browsers and bookmarks still ask for /favicon.ico.
  fastify.get('/favicon.ico', (_req, reply) => reply.redirect('/assets/favicon.svg', 301));
  useViewEngine(fastify, config.nodeEnv === 'production');
  app.useGlobalPipes(createValidationPipe());
  const pages = app.get(PageContext);
  app.useGlobalFilters(new ProblemFilter((req, res, problem) => pages.renderError(req, res, problem)));

  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app, config.publicUrl), { jsonDocumentUrl: 'api/docs-json' });
}
