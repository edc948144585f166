import { AuditModule } from '@domain/audit';
import { Module } from '@nestjs/common';

import { CatalogueRepository } from './catalogue.repository';
import { CompareCatalogueVersions } from './compare-catalogue-versions.use-case';
import { CopyCatalogueVersion } from './copy-catalogue-version.use-case';
import { CreateCatalogueVersion } from './create-catalogue-version.use-case';
import { DeleteCatalogueVersion } from './delete-catalogue-version.use-case';
import { DraftEditor } from './draft-editor';
import { FindServicesInForce } from './find-services-in-force.use-case';
import { GetCatalogueInForce } from './get-catalogue-in-force.use-case';
import { GetCatalogueVersion } from './get-catalogue-version.use-case';
import { ListCatalogueVersions } from './list-catalogue-versions.use-case';
import { PublishCatalogueVersion } from './publish-catalogue-version.use-case';
import { RemoveCatalogueService } from './remove-catalogue-service.use-case';
import { SaveCatalogueService } from './save-catalogue-service.use-case';
import { SeedCatalogue } from './seed-catalogue.use-case';
import { UpdateCatalogueVersion } from './update-catalogue-version.use-case';

const useCases = [
  CompareCatalogueVersions,
  CopyCatalogueVersion,
  CreateCatalogueVersion,
  DeleteCatalogueVersion,
  FindServicesInForce,
  GetCatalogueInForce,
  GetCatalogueVersion,
  ListCatalogueVersions,
  PublishCatalogueVersion,
  RemoveCatalogueService,
  SaveCatalogueService,
  SeedCatalogue,
  UpdateCatalogueVersion,
];

/** Bilag 2: the versioned catalogue of services Skatteetaten distributes to the segment. */
@Module({
  imports: [AuditModule],
  providers: [CatalogueRepository, DraftEditor, ...useCases],
  exports: useCases,
})
export class CatalogueModule {}
