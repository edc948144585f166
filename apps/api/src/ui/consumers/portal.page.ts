import { Injectable } from '@nestjs/common';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import type { FormFailure, FormPage } from '../shared/page-form';
import { safeNext } from '../shared/safe-next';
import { CONSUMER_TITLES, PORTAL_LOGIN_TEXTS } from './consumers.texts.nb';

export const PORTAL_LOGIN_PAGE = { title: CONSUMER_TITLES.portalLogin, layout: 'portal' };
export const PORTAL_LINK_PAGE = { title: CONSUMER_TITLES.portalLogin, layout: 'portal' };

/** The portal page to open after signing in: the one that asked for it, else the portal's front page. */
export const portalNext = (next: unknown): string => safeNext(next, '/portal');

/** The portal's sign-in page; a link that no longer works shows it again with a way to ask for a new one. */
@Injectable()
export class PortalLoginPage implements FormPage {
  readonly view = 'portal/login';
  readonly audience = 'anyone';
  readonly texts = PORTAL_LOGIN_TEXTS;
  readonly correctable = ['not-found'] as const;

  /** A new link asked for here leads where the spent one did. */
  async model(req: AuthenticatedRequest, failure: FormFailure) {
    return { ...PORTAL_LOGIN_PAGE, error: failure.error, next: portalNext((req.query as Record<string, unknown>).next) };
  }
}
