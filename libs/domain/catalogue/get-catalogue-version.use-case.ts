import { Injectable } from '@nestjs/common';

import { CatalogueVersionNotFound } from './catalogue.exceptions';
import { CatalogueRepository } from './catalogue.repository';
import { osloDay } from './catalogue-dates';
import type { CatalogueVersion } from './catalogue-version.entity';
import { CatalogueVersionView, toVersionView } from './catalogue-version.view';
import { versionStanding } from './in-force';

@Injectable()
export class GetCatalogueVersion {
  constructor(private readonly catalogue: CatalogueRepository) {}

  async execute(id: string): Promise<CatalogueVersionView> {
    const version = await this.catalogue.findVersion(id);
    if (!version) throw new CatalogueVersionNotFound();
    return this.view(version);
  }

  /** The full view of a stored version, with its standing as of today. */
  async view(version: CatalogueVersion, now = new Date()): Promise<CatalogueVersionView> {
    const today = osloDay(now);
    const inForce = version.status === 'published' ? await this.catalogue.findInForce(today) : null;
    return toVersionView(version, versionStanding(version, inForce?.id ?? null, today), await this.catalogue.servicesOf(version.id));
  }
}
