import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '@platform/errors';

import { CatalogueVersionInput, normaliseDetails, normaliseServices } from './catalogue-content';
import type { CatalogueVersionView } from './catalogue-version.view';
import { DraftEditor } from './draft-editor';

/** Replaces a draft's label, date and notes, and its services when given. Published versions are immutable (409). */
@Injectable()
export class UpdateCatalogueVersion {
  constructor(private readonly editor: DraftEditor) {}

  execute(id: string, input: CatalogueVersionInput, actor: Actor, expectedVersions?: readonly string[]): Promise<CatalogueVersionView> {
    return this.editor.edit(
      id,
      actor,
      () => {
        const { details, errors } = normaliseDetails(input);
        const content = input.services === undefined ? null : normaliseServices(input.services);
        if (errors.length || content?.errors.length) throw new ValidationFailed([...errors, ...(content?.errors ?? [])]);
        return { details, services: content?.services };
      },
      expectedVersions,
    );
  }
}
