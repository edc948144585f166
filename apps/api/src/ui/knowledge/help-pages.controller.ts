import { Get, Param, Query, Render } from '@nestjs/common';

import { PublicPortalPage } from '../../auth/access.decorator';
import { PagesController } from '../shared/pages-controller';
import { HelpPages } from './knowledge.page';

/** KS's help pages in the portal: open to everyone, signed in or not. */
@PagesController('portal/hjelp')
export class HelpPagesController {
  constructor(private readonly pages: HelpPages) {}

  @Get()
  @PublicPortalPage()
  @Render('knowledge/help')
  index(@Query() q: Record<string, unknown>) {
    return this.pages.index(q);
  }

  @Get(':slug')
  @PublicPortalPage()
  @Render('knowledge/help-article')
  article(@Param('slug') slug: string) {
    return this.pages.article(slug);
  }
}
