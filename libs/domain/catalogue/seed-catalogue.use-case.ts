import { type Actor, SYSTEM_ACTOR } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { CatalogueRepository } from './catalogue.repository';
import { SEED_CATALOGUE, SEED_CATALOGUE_LABEL } from './catalogue-seed';
import { CreateCatalogueVersion } from './create-catalogue-version.use-case';
import { PublishCatalogueVersion } from './publish-catalogue-version.use-case';

/** Creates and publishes the first Bilag 2 unless a version with its label exists. */
@Injectable()
export class SeedCatalogue {
  constructor(
    private readonly db: DatabaseContext,
    private readonly catalogue: CatalogueRepository,
    private readonly create: CreateCatalogueVersion,
    private readonly publish: PublishCatalogueVersion,
  ) {}

  execute(actor: Actor = SYSTEM_ACTOR): Promise<string> {
    return this.db.transaction(async () => {
      await this.db.advisoryXactLock('segment-desk:seed-catalogue');
      if (await this.catalogue.findVersionByLabel(SEED_CATALOGUE_LABEL)) return `Catalogue: "${SEED_CATALOGUE_LABEL}" already exists.`;
      const version = await this.create.execute(SEED_CATALOGUE, actor);
      await this.publish.execute(version.id, actor);
      return `Catalogue: published "${SEED_CATALOGUE_LABEL}" with ${version.serviceCount} services, in force from ${version.effectiveFrom}.`;
    });
  }
}
