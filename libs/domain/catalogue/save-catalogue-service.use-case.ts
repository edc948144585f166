import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '@platform/errors';

import { CatalogueServiceChangedMeanwhile, CatalogueServiceNotFound } from './catalogue.exceptions';
import { CatalogueServiceInput, normaliseService } from './catalogue-content';
import { catalogueServiceVersion } from './catalogue-service.view';
import type { CatalogueVersionView } from './catalogue-version.view';
import { DraftEditor } from './draft-editor';

/**
 * Adds one service to a draft (`replacing` null) or replaces the one with code `replacing`; its code
 * may change. With `expectedVersions` (the versions of the service the editor read, see
 * catalogueServiceVersion), a service changed by someone else since is refused rather than overwritten.
 */
@Injectable()
export class SaveCatalogueService {
  constructor(private readonly editor: DraftEditor) {}

  execute(
    versionId: string,
    replacing: string | null,
    input: CatalogueServiceInput,
    actor: Actor,
    expectedVersions?: readonly string[],
  ): Promise<CatalogueVersionView> {
    return this.editor.edit(versionId, actor, (current) => {
      const { service, errors } = normaliseService(input, '');
      const index = replacing === null ? current.length : current.findIndex((s) => s.code === replacing);
      if (index < 0) throw new CatalogueServiceNotFound(replacing!);
      if (replacing !== null && expectedVersions && !expectedVersions.includes(catalogueServiceVersion(current[index])))
        throw new CatalogueServiceChangedMeanwhile(replacing);
      if (service.code && current.some((s, i) => i !== index && s.code === service.code))
        errors.push({ field: 'code', message: `is already used by another service in this version` });
      if (errors.length) throw new ValidationFailed(errors);
      const services = [...current];
      services.splice(index, replacing === null ? 0 : 1, service);
      return { services };
    });
  }
}
