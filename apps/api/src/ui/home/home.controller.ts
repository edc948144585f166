import { IncidentQueries } from '@domain/incidents';
import { Get, Render } from '@nestjs/common';

import { StaffPage } from '../../auth/access.decorator';
import { PagesController } from '../shared/pages-controller';
import { homeViewModel } from './home.view-model';

/** The staff's start page: what needs attention now. */
@PagesController()
export class HomeController {
  constructor(private readonly incidents: IncidentQueries) {}

  @Get()
  @StaffPage('incident.read')
  @Render('home')
  async home() {
    return homeViewModel(await this.incidents.overview());
  }
}
