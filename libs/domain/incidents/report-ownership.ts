import type { OwnershipCheck, Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import type { DomainException } from '@platform/errors';

import { ReportNotFound } from './incidents.exceptions';
import { ReportRepository } from './report.repository';

/** A report belongs to the consumer that sent it (or that staff registered it for); staff own none. */
@Injectable()
export class ReportOwnership implements OwnershipCheck {
  constructor(private readonly reports: ReportRepository) {}

  async owned(principal: Principal, ids: ReadonlySet<string>): Promise<ReadonlySet<string>> {
    return principal.kind === 'consumer' ? this.reports.ownedBy(principal.consumerId, [...ids]) : new Set();
  }

  notFound(): DomainException {
    return new ReportNotFound();
  }
}
