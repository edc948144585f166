import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { CatalogueVersionNotFound, EmptyCatalogueVersion } from './catalogue.exceptions';
import { CatalogueRepository } from './catalogue.repository';
import { normaliseServices } from './catalogue-content';
import { CatalogueVersionView, toServiceView } from './catalogue-version.view';
import { GetCatalogueVersion } from './get-catalogue-version.use-case';

/**
 * Publishes a draft. It is in force from its effectiveFrom, which may be in the past (KS records
 * an earlier version) or the future (scheduled). Publishing a published version changes nothing.
 */
@Injectable()
export class PublishCatalogueVersion {
  constructor(
    private readonly db: DatabaseContext,
    private readonly catalogue: CatalogueRepository,
    private readonly versions: GetCatalogueVersion,
    private readonly audit: RecordAudit,
  ) {}

  async execute(id: string, actor: Actor): Promise<CatalogueVersionView> {
    return this.db.transaction(async () => {
      const version = await this.catalogue.lockVersion(id);
      if (!version) throw new CatalogueVersionNotFound();
      if (version.status === 'published') return this.versions.view(version);
      const services = (await this.catalogue.servicesOf(id)).map(toServiceView);
      if (!services.length) throw new EmptyCatalogueVersion();
      // Stored content was checked when written; checking again keeps rules added since from being bypassed.
      const { errors } = normaliseServices(services);
      if (errors.length) throw new ValidationFailed(errors);
      const publishedAt = new Date();
      await this.catalogue.updateVersion(id, { status: 'published', publishedAt, publishedBy: actor.label });
      await this.audit.execute({
        actor,
        action: 'catalogue_version.published',
        objectType: 'catalogue_version',
        objectId: id,
        before: { status: 'draft' },
        after: { status: 'published', publishedAt, effectiveFrom: version.effectiveFrom, services: services.map((s) => s.code) },
      });
      return this.versions.view((await this.catalogue.findVersion(id))!);
    });
  }
}
