import { Injectable } from '@nestjs/common';

import { CatalogueRepository } from './catalogue.repository';
import { osloDay } from './catalogue-dates';
import { CatalogueVersionSummary, toSummary } from './catalogue-version.view';
import { versionInForce, versionStanding } from './in-force';

@Injectable()
export class ListCatalogueVersions {
  constructor(private readonly catalogue: CatalogueRepository) {}

  async execute(now = new Date()): Promise<CatalogueVersionSummary[]> {
    const [versions, codes] = [await this.catalogue.listVersions(), await this.catalogue.serviceCodesByVersion()];
    const today = osloDay(now);
    const inForceId = versionInForce(versions, today)?.id ?? null;
    return versions.map((v) => toSummary(v, versionStanding(v, inForceId, today), codes.get(v.id) ?? []));
  }
}
