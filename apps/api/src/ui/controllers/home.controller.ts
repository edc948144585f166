import { IncidentQueries } from '@domain/incidents';
import { Controller, Get, Render, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

import { StaffPage } from '../../auth/access.decorator';
import { UiContextInterceptor } from '../ui-context.interceptor';

@ApiExcludeController()
@Controller()
@UseInterceptors(UiContextInterceptor)
export class HomeController {
  constructor(private readonly incidents: IncidentQueries) {}

  @Get()
  @StaffPage()
  @Render('home')
  async home() {
    return { title: 'Oversikt', cards: [...(await this.incidentCards())] };
  }

  /** Each card opens the incident queue filtered to exactly what it counts. */
  private async incidentCards() {
    const n = await this.incidents.overview();
    return [
      { label: 'Åpne hendelser', value: n.open, href: '/incidents', color: 'neutral' },
      {
        label: 'Kritiske eller høye (satt eller foreslått)',
        value: n.criticalOrHigh,
        href: '/incidents?severity=critical%2Chigh',
        color: n.criticalOrHigh ? 'danger' : 'neutral',
      },
      { label: 'Eskalert og ikke løst', value: n.escalated, href: '/incidents?status=escalated', color: 'neutral' },
      {
        label: 'Venter på vurdering',
        value: n.awaitingTriage,
        href: '/incidents?status=new',
        color: n.awaitingTriage ? 'warning' : 'neutral',
      },
      { label: 'Forslag om sammenslåing', value: n.proposals, href: '/incidents#proposals', color: n.proposals ? 'info' : 'neutral' },
    ];
  }
}
