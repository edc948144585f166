import { RecordAudit } from '@domain/audit';
import { type Actor, withoutNationalIdentityNumbers } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { NotFound } from '@platform/errors';

import { ReportNotFound } from './incidents.exceptions';
import { PersonalDataVault } from './personal-data-vault';
import { ReportRepository } from './report.repository';

/** The security role's explicit, audited look at the original text of a masked report. */
@Injectable()
export class RevealPersonalData {
  constructor(
    private readonly db: DatabaseContext,
    private readonly reports: ReportRepository,
    private readonly vault: PersonalDataVault,
    private readonly audit: RecordAudit,
  ) {}

  async execute(reportId: string, reason: string, actor: Actor): Promise<Record<string, string>> {
    return this.db.transaction(async () => {
      const report = await this.reports.find(reportId);
      if (!report) throw new ReportNotFound();
      const sealed = await this.reports.findSealed(reportId);
      if (!sealed) throw new NotFound('Personal data for this report', 'no_personal_data');
      await this.audit.execute({
        actor,
        action: 'report.personal_data_revealed',
        objectType: 'report',
        objectId: reportId,
        details: { reason: withoutNationalIdentityNumbers(reason ?? '').slice(0, 500), fields: Object.keys(this.vault.open(sealed)) },
      });
      return this.vault.open(sealed);
    });
  }
}
