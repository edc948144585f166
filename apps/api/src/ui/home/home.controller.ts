import { LoadDemonstration } from '@composition';
import { type Actor, type StaffPrincipal } from '@domain/shared';
import { Get, Post, Query, Redirect, Render } from '@nestjs/common';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor, CurrentStaff } from '../../auth/current-principal.decorator';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { HomePage } from './home.page';

/** The staff's start page: what needs attention now, and on a new installation how to get started. */
@PagesController()
export class HomeController {
  constructor(
    private readonly page: HomePage,
    private readonly demonstration: LoadDemonstration,
  ) {}

  @Get()
  @StaffPage('incident.read')
  @Render('home')
  home(@CurrentStaff() me: StaffPrincipal, @Query('done') done?: string) {
    return this.page.load(me, { done });
  }

  @Post('demo')
  @StaffPage('demo.load')
  @PageForm(HomePage)
  @Redirect('/?done=demo', 303)
  async loadDemo(@CurrentActor() actor: Actor) {
    await this.demonstration.execute(actor);
  }
}
