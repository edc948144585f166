import type { StaffPrincipal } from '@domain/shared';
import { Get, Res } from '@nestjs/common';
import type { Response } from 'express';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentStaff } from '../../auth/current-principal.decorator';
import { PagesController } from '../shared/pages-controller';
import { LiveFeed } from './live-feed';

/** The event stream every staff page opens (assets/live.js): notification counts and changed lists, without reloading. */
@PagesController('live')
export class LiveController {
  constructor(private readonly feed: LiveFeed) {}

  @Get()
  @StaffPage()
  stream(@CurrentStaff() staff: StaffPrincipal, @Res() res: Response) {
    this.feed.connect(staff.id, res);
  }
}
