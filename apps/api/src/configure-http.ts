import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@platform/config';
import { REQUEST_LOGGING, type RequestLogging } from '@platform/logging';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';

import { COOKIES } from './auth/cookies';
import { createOpenApiDocument } from './http/openapi';
import { ProblemFilter } from './http/problem.filter';
import { createValidationPipe } from './http/validation.pipe';
import { PageContext } from './ui/shared/page-context';
import { useViewEngine } from './ui/shared/view-engine';

const MACHINE_ROUTE = /^\/(api|health)(\/|$)/;

/** Everything about the HTTP surface that is not a route: security headers, parsers, views, docs. */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  // First, so every later step (and a failure in it) is logged under the request's id.
  app.use(app.get<RequestLogging>(REQUEST_LOGGING));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // Every answer past the static assets is no-store (below), so a validator is never used; Express
  // would hash each body to make one.
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': null,
        },
      },
      hsts: config.publicUrl.startsWith('https://'),
    }),
  );
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '2mb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '2mb' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    // Double-submit token for forms shown before a session exists; a form shown again after a
    // failed post (a wrong password) carries the same token, so the next try is accepted.
    // Machine routes (the API, health probes) carry no forms, and a token costs a random draw each.
    if (!MACHINE_ROUTE.test(req.path)) {
      let token = (req.cookies as Record<string, string>)?.[COOKIES.csrf];
      if (!token && req.method === 'GET') {
        token = randomBytes(24).toString('base64url');
        res.cookie(COOKIES.csrf, token, { httpOnly: true, sameSite: 'lax', secure: config.publicUrl.startsWith('https://'), path: '/' });
      }
      res.locals.csrfToken = token;
    }
    next();
  });
  app.useStaticAssets(join(__dirname, 'ui', 'assets'), { prefix: '/assets/', maxAge: config.nodeEnv === 'production' ? '1h' : 0 });
  app.useStaticAssets(join(dirname(require.resolve('@digdir/designsystemet-css')), '..'), { prefix: '/assets/designsystemet/' });
  // Designsystemet's theme names Inter but does not ship it; without it pages fall back to a serif font.
  app.useStaticAssets(dirname(require.resolve('@fontsource/inter/package.json')), { prefix: '/assets/inter/', maxAge: '30d' });
  // The dashboards' charts: Chart.js's browser build, from the app itself like the fonts.
  app.useStaticAssets(dirname(require.resolve('chart.js')), { prefix: '/assets/chart.js/', maxAge: '30d' });
  // Browsers and bookmarks still ask for /favicon.ico.
  app.use('/favicon.ico', (_req: Request, res: Response) => res.redirect(301, '/assets/favicon.svg'));
  // Everything past the static assets is per caller (pages, API answers, errors): no shared or
  // browser cache may keep it, or the back button shows a signed-out user someone else's data.
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  useViewEngine(app, config.nodeEnv === 'production');
  app.useGlobalPipes(createValidationPipe());
  const pages = app.get(PageContext);
  app.useGlobalFilters(new ProblemFilter((req, res, problem) => pages.renderError(req, res, problem)));

  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app, config.publicUrl), { jsonDocumentUrl: 'api/docs-json' });
}
