import { CreateApiToken, RevokeApiToken } from '@domain/identity';
import type { Actor, StaffPrincipal } from '@domain/shared';
import { Body, Get, Param, Post, Redirect, Render } from '@nestjs/common';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor, CurrentStaff } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { FormBody, text } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { ApiTokensPage } from './identity.page';

/** A staff member's own API tokens; viewers may have them too, to read through the API. */
@PagesController('tokens')
export class TokenPagesController {
  constructor(
    private readonly page: ApiTokensPage,
    private readonly createToken: CreateApiToken,
    private readonly revokeToken: RevokeApiToken,
  ) {}

  @Get()
  @StaffPage('api-token.manage')
  @Render('tokens')
  tokens(@CurrentStaff() me: StaffPrincipal) {
    return this.page.load(me);
  }

  /** The new token is shown on the page once, never put in a URL. */
  @Post()
  @StaffPage('api-token.manage')
  @PageForm(ApiTokensPage)
  @Render('tokens')
  async addToken(@CurrentStaff() me: StaffPrincipal, @Body() body: FormBody, @CurrentActor() actor: Actor) {
    const created = await this.createToken.execute(me, text(body.name), actor);
    return this.page.load(me, { created });
  }

  @Post(':id/revoke')
  @StaffPage('api-token.manage')
  @PageForm(ApiTokensPage)
  @Redirect('/tokens', 303)
  async revoke(@CurrentStaff() me: StaffPrincipal, @Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor) {
    await this.revokeToken.execute(me, id, actor);
  }
}
