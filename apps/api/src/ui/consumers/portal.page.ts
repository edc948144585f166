import { Injectable } from '@nestjs/common';

import type { FormFailure, FormPage } from '../shared/page-form';
import { CONSUMER_TITLES, PORTAL_LOGIN_TEXTS } from './consumers.texts.nb';

export const PORTAL_LOGIN_PAGE = { title: CONSUMER_TITLES.portalLogin, layout: 'portal' };

/** The portal's sign-in page; a link that no longer works shows it again with a way to ask for a new one. */
@Injectable()
export class PortalLoginPage implements FormPage {
  readonly view = 'portal/login';
  readonly audience = 'anyone';
  readonly texts = PORTAL_LOGIN_TEXTS;
  readonly correctable = ['not-found'] as const;

  async model(_req: unknown, failure: FormFailure) {
    return { ...PORTAL_LOGIN_PAGE, error: failure.error };
  }
}
