import { ListCatalogueVersions } from '@domain/catalogue';
import { SearchConsumers } from '@domain/consumers';
import { IncidentQueries, SecurityCases } from '@domain/incidents';
import { hasPermission, type StaffPrincipal } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import type { FormFailure, FormPage } from '../shared/page-form';
import { HOME_PAGE_TEXTS } from './home.texts.nb';
import { homeViewModel } from './home.view-model';

/** The overview: the incident counts and, on a new installation, how far it has come. */
@Injectable()
export class HomePage implements FormPage {
  readonly view = 'home';
  readonly audience = 'staff';
  readonly texts = HOME_PAGE_TEXTS;

  constructor(
    private readonly incidents: IncidentQueries,
    private readonly catalogue: ListCatalogueVersions,
    private readonly consumers: SearchConsumers,
    private readonly securityCases: SecurityCases,
  ) {}

  async load(me: StaffPrincipal, shown: { done?: string; error?: string } = {}) {
    const progress = {
      catalogue: (await this.catalogue.execute()).some((v) => v.status !== 'draft'),
      consumer: (await this.consumers.execute({ limit: 1 })).total > 0,
      report: await this.incidents.anyReport(),
      mayLoadDemo: hasPermission(me, 'demo.load'),
    };
    const security = await this.securityCases.list(me);
    return { ...homeViewModel(await this.incidents.overview(), progress, shown.done, security), error: shown.error };
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(req.principal as StaffPrincipal, { error: failure.error });
  }
}
