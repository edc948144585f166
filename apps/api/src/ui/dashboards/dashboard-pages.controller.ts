import type { StaffPrincipal } from '@domain/shared';
import { Get, Render } from '@nestjs/common';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentStaff } from '../../auth/current-principal.decorator';
import { PagesController } from '../shared/pages-controller';
import { DashboardPage } from './dashboards.page';

/** The staff dashboards: charts of reports, incidents, escalations and onboarding, each with its table. */
@PagesController('statistics')
export class DashboardPagesController {
  constructor(private readonly page: DashboardPage) {}

  @Get()
  @StaffPage('dashboard.read')
  @Render('dashboards/show')
  show(@CurrentStaff() me: StaffPrincipal) {
    return this.page.load(me);
  }
}
