import type { StaffPrincipal } from '@domain/shared';
import { Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentStaff } from '../../auth/current-principal.decorator';
import { PagesController } from '../shared/pages-controller';
import { LiveFeed } from './live-feed';

/**
 * The event stream every staff page opens (assets/live.js): notification counts, changed lists and,
 * with `?watch=incident:<id>`, who else has that case open.
 */
@PagesController('live')
export class LiveController {
  constructor(private readonly feed: LiveFeed) {}

  @Get()
  @StaffPage()
  stream(@CurrentStaff() staff: StaffPrincipal, @Query('watch') watch: unknown, @Res() res: FastifyReply) {
    // The stream outlives the handler: Fastify leaves the response to the feed, with the headers
    // set so far (security headers, the request id), which it would otherwise not send.
    res.hijack();
    this.feed.connect(staff.id, watch, res.raw, res.getHeaders());
  }
}
