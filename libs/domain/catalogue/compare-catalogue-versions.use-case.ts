import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '@platform/errors';

import { CatalogueVersionNotFound } from './catalogue.exceptions';
import { CatalogueRepository } from './catalogue.repository';
import { osloDay } from './catalogue-dates';
import { CatalogueDiff, diffCatalogueVersions } from './catalogue-diff';
import type { CatalogueVersion } from './catalogue-version.entity';
import { toServiceView } from './catalogue-version.view';
import { versionInForce } from './in-force';

export interface CatalogueComparison extends CatalogueDiff {
  /** The version compared against, and whether the caller chose it or it was the default. */
  againstDefaulted: boolean;
}

/**
 * What version `id` changes compared with `against` (from = against, to = id). Without
 * `against`: a draft is compared with the version in force today, a published version with
 * the one it replaced.
 */
@Injectable()
export class CompareCatalogueVersions {
  constructor(private readonly catalogue: CatalogueRepository) {}

  async execute(id: string, against?: string): Promise<CatalogueComparison> {
    const versions = await this.catalogue.listVersions();
    const to = versions.find((v) => v.id === id);
    if (!to) throw new CatalogueVersionNotFound();
    const from = against ? versions.find((v) => v.id === against) : this.defaultBase(to, versions);
    if (against && !from) throw new CatalogueVersionNotFound();
    if (!from) throw new ValidationFailed([{ field: 'against', message: 'is required: there is no earlier version to compare with' }]);
    const [before, after] = [await this.catalogue.servicesOf(from.id), await this.catalogue.servicesOf(to.id)];
    return {
      ...diffCatalogueVersions(
        { id: from.id, label: from.label, services: before.map(toServiceView) },
        { id: to.id, label: to.label, services: after.map(toServiceView) },
      ),
      againstDefaulted: !against,
    };
  }

  private defaultBase(to: CatalogueVersion, versions: CatalogueVersion[]): CatalogueVersion | null {
    const others = versions.filter((v) => v.id !== to.id);
    return versionInForce(others, to.status === 'draft' ? osloDay(new Date()) : to.effectiveFrom);
  }
}
