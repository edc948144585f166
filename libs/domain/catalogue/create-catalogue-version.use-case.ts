import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { CatalogueRepository } from './catalogue.repository';
import { CatalogueVersionInput, normaliseDetails, normaliseServices } from './catalogue-content';
import { auditSnapshot, CatalogueVersionView } from './catalogue-version.view';
import { GetCatalogueVersion } from './get-catalogue-version.use-case';

/** A new draft version; it may start empty and be filled in before publishing. */
@Injectable()
export class CreateCatalogueVersion {
  constructor(
    private readonly db: DatabaseContext,
    private readonly catalogue: CatalogueRepository,
    private readonly versions: GetCatalogueVersion,
    private readonly audit: RecordAudit,
  ) {}

  async execute(input: CatalogueVersionInput, actor: Actor): Promise<CatalogueVersionView> {
    const { details, errors } = normaliseDetails(input);
    const content = normaliseServices(input.services);
    if (errors.length || content.errors.length) throw new ValidationFailed([...errors, ...content.errors]);
    return this.db.transaction(async () => {
      const version = await this.catalogue.insertVersion({ ...details, createdBy: actor.label });
      await this.catalogue.replaceServices(version.id, content.services);
      await this.audit.execute({
        actor,
        action: 'catalogue_version.created',
        objectType: 'catalogue_version',
        objectId: version.id,
        after: auditSnapshot(version, content.services),
      });
      return this.versions.view(version);
    });
  }
}
