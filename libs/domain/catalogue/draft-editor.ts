import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { CatalogueVersionChangedMeanwhile, CatalogueVersionNotFound, CatalogueVersionPublished } from './catalogue.exceptions';
import { CatalogueRepository } from './catalogue.repository';
import type { CatalogueServiceView } from './catalogue-service.view';
import type { CatalogueVersion } from './catalogue-version.entity';
import { auditSnapshot, CatalogueVersionView, toServiceView } from './catalogue-version.view';
import { GetCatalogueVersion } from './get-catalogue-version.use-case';

export interface DraftChange {
  details?: Pick<CatalogueVersion, 'label' | 'effectiveFrom' | 'notes'>;
  services?: CatalogueServiceView[];
}

/**
 * The one path by which a draft's content changes: locks the version, refuses published ones,
 * applies the change computed from the current content, and audits before and after.
 */
@Injectable()
export class DraftEditor {
  constructor(
    private readonly db: DatabaseContext,
    private readonly catalogue: CatalogueRepository,
    private readonly versions: GetCatalogueVersion,
    private readonly audit: RecordAudit,
  ) {}

  /** With `expectedVersions` (the draft's versions the editor accepts), a draft changed by someone else since is refused. */
  edit(
    id: string,
    actor: Actor,
    change: (current: CatalogueServiceView[]) => DraftChange,
    expectedVersions?: readonly string[],
  ): Promise<CatalogueVersionView> {
    return this.db.transaction(async () => {
      const version = await this.catalogue.lockVersion(id);
      if (!version) throw new CatalogueVersionNotFound();
      if (version.status !== 'draft') throw new CatalogueVersionPublished(version.label);
      if (expectedVersions && !expectedVersions.includes((await this.versions.view(version)).version))
        throw new CatalogueVersionChangedMeanwhile();
      const current = (await this.catalogue.servicesOf(id)).map(toServiceView);
      const { details, services } = change(current);
      await this.catalogue.updateVersion(id, details ?? {});
      if (services) await this.catalogue.replaceServices(id, services);
      const updated = { ...version, ...details };
      await this.audit.execute({
        actor,
        action: 'catalogue_version.updated',
        objectType: 'catalogue_version',
        objectId: id,
        before: auditSnapshot(version, current),
        after: auditSnapshot(updated, services ?? current),
      });
      return this.versions.view((await this.catalogue.findVersion(id))!);
    });
  }
}
