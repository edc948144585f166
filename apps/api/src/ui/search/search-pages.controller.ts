import type { Principal } from '@domain/shared';
import { Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { PageContext } from '../shared/page-context';
import { PagesController } from '../shared/pages-controller';
import { SearchPage } from './search.page';
import { searchText } from './search.view-model';

/** The search box in the header: an exact reference opens its page, anything else lists what matches by kind. */
@PagesController('search')
export class SearchPagesController {
  constructor(
    private readonly search: SearchPage,
    private readonly context: PageContext,
  ) {}

  @Get()
  @StaffPage()
  async results(@Query('q') q: unknown, @CurrentPrincipal() caller: Principal, @Req() req: FastifyRequest, @Res() res: FastifyReply) {
    const text = searchText(q);
    const exact = await this.search.exact(text, caller);
    if (exact) return res.redirect(exact, 303);
    res.view('search/results', { ...(await this.search.load(text, caller)), ...(await this.context.withCounts(req)) });
  }
}
