import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { CatalogueVersionNotFound } from './catalogue.exceptions';
import { CatalogueRepository } from './catalogue.repository';
import { type CatalogueVersionDetailsInput, normaliseDetails } from './catalogue-content';
import { osloDay } from './catalogue-dates';
import { auditSnapshot, CatalogueVersionView, toServiceView } from './catalogue-version.view';
import { GetCatalogueVersion } from './get-catalogue-version.use-case';

/**
 * A new draft holding a copy of another version's services: the way to change a published
 * version. Unless given, the label is the source's with "(utkast)" and the effective date is
 * the later of the source's and today.
 */
@Injectable()
export class CopyCatalogueVersion {
  constructor(
    private readonly db: DatabaseContext,
    private readonly catalogue: CatalogueRepository,
    private readonly versions: GetCatalogueVersion,
    private readonly audit: RecordAudit,
  ) {}

  async execute(sourceId: string, overrides: Partial<CatalogueVersionDetailsInput>, actor: Actor): Promise<CatalogueVersionView> {
    return this.db.transaction(async () => {
      const source = await this.catalogue.findVersion(sourceId);
      if (!source) throw new CatalogueVersionNotFound();
      const today = osloDay(new Date());
      const { details, errors } = normaliseDetails({
        label: overrides.label ?? `${source.label} (utkast)`.slice(0, 200),
        effectiveFrom: overrides.effectiveFrom ?? (source.effectiveFrom > today ? source.effectiveFrom : today),
        notes: overrides.notes === undefined ? source.notes : overrides.notes,
      });
      if (errors.length) throw new ValidationFailed(errors);
      const services = (await this.catalogue.servicesOf(source.id)).map(toServiceView);
      const version = await this.catalogue.insertVersion({ ...details, createdBy: actor.label });
      await this.catalogue.replaceServices(version.id, services);
      await this.audit.execute({
        actor,
        action: 'catalogue_version.created',
        objectType: 'catalogue_version',
        objectId: version.id,
        after: auditSnapshot(version, services),
        details: { copiedFrom: { id: source.id, label: source.label } },
      });
      return this.versions.view(version);
    });
  }
}
