import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { CatalogueServiceNotFound } from './catalogue.exceptions';
import type { CatalogueVersionView } from './catalogue-version.view';
import { DraftEditor } from './draft-editor';

@Injectable()
export class RemoveCatalogueService {
  constructor(private readonly editor: DraftEditor) {}

  execute(versionId: string, code: string, actor: Actor): Promise<CatalogueVersionView> {
    return this.editor.edit(versionId, actor, (current) => {
      if (!current.some((s) => s.code === code)) throw new CatalogueServiceNotFound(code);
      return { services: current.filter((s) => s.code !== code) };
    });
  }
}
