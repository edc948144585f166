import { SecurityCases } from '@domain/incidents';
import { hasPermission, type Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import type { FormFailure, FormPage } from '../shared/page-form';
import { SECURITY_CASE_PAGE_TEXTS } from './incidents.texts.nb';
import { securityCaseViewModel } from './security-case.view-model';

/** A security case's page; a failed checklist form shows it again with the mistakes beside the item. */
@Injectable()
export class SecurityCasePage implements FormPage {
  readonly view = 'security-cases/case';
  readonly audience = 'staff';
  readonly texts = SECURITY_CASE_PAGE_TEXTS;

  constructor(private readonly cases: SecurityCases) {}

  async load(incidentId: string, caller: Principal, done?: string, failure?: FormFailure) {
    const detail = await this.cases.get(caller, incidentId);
    return securityCaseViewModel(detail, hasPermission(caller, 'security-case.manage'), failure, done);
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(failure.params.incidentId ?? '', req.principal!, undefined, failure);
  }
}
