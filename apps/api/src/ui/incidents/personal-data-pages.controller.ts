import { IncidentQueries, RevealPersonalData } from '@domain/incidents';
import type { Actor, StaffPrincipal } from '@domain/shared';
import { Body, Header, HttpCode, Param, Post, Render } from '@nestjs/common';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor, CurrentStaff } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import type { FormBody } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { revealReason } from './incident.forms';
import { IncidentPage } from './incident.page';
import { revealViewModel } from './report.view-model';

/** The security role's audited look at a masked report's original text; never cached. */
@PagesController('incidents')
export class PersonalDataPagesController {
  constructor(
    private readonly queries: IncidentQueries,
    private readonly reveal: RevealPersonalData,
  ) {}

  @Post(':id/reports/:reportId/reveal')
  @StaffPage('report.reveal-personal-data')
  @PageForm(IncidentPage)
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Render('incidents/reveal')
  async revealOriginal(
    @Param('id', ParseUuid) id: string,
    @Param('reportId', ParseUuid) reportId: string,
    @Body() body: FormBody,
    @CurrentStaff() me: StaffPrincipal,
    @CurrentActor() actor: Actor,
  ) {
    const reason = revealReason(body);
    const originals = await this.reveal.execute(reportId, reason, actor);
    return revealViewModel(id, await this.queries.report(reportId, me), reason, originals);
  }
}
