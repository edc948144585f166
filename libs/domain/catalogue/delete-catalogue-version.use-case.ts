import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { CatalogueVersionNotFound, CatalogueVersionPublished } from './catalogue.exceptions';
import { CatalogueRepository } from './catalogue.repository';
import { auditSnapshot, toServiceView } from './catalogue-version.view';

/** Deletes a draft with its services; published versions are kept for ever (409). */
@Injectable()
export class DeleteCatalogueVersion {
  constructor(
    private readonly db: DatabaseContext,
    private readonly catalogue: CatalogueRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(id: string, actor: Actor): Promise<void> {
    await this.db.transaction(async () => {
      const version = await this.catalogue.lockVersion(id);
      if (!version) throw new CatalogueVersionNotFound();
      if (version.status !== 'draft') throw new CatalogueVersionPublished(version.label);
      const services = (await this.catalogue.servicesOf(id)).map(toServiceView);
      await this.catalogue.deleteVersion(id);
      await this.audit.execute({
        actor,
        action: 'catalogue_version.deleted',
        objectType: 'catalogue_version',
        objectId: id,
        before: auditSnapshot(version, services),
      });
    });
  }
}
