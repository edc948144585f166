import { GetCatalogueVersion } from '@domain/catalogue';
import { Injectable } from '@nestjs/common';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import type { FormFailure, FormPage } from '../shared/page-form';
import { CATALOGUE_PAGE_TEXTS, CATALOGUE_TITLES } from './catalogue.texts.nb';
import { editorViewModel } from './catalogue.view-model';

@Injectable()
export class NewVersionPage implements FormPage {
  readonly view = 'catalogue/new';
  readonly audience = 'staff';
  readonly texts = CATALOGUE_PAGE_TEXTS;

  async model(_req: AuthenticatedRequest, failure: FormFailure) {
    return { title: CATALOGUE_TITLES.new, ...failure.body, error: failure.error, fieldErrors: failure.fieldErrors };
  }
}

/** The draft editor: details, each service, a new service, publishing and deleting. */
@Injectable()
export class DraftEditorPage implements FormPage {
  readonly view = 'catalogue/edit';
  readonly audience = 'staff';
  readonly texts = CATALOGUE_PAGE_TEXTS;

  constructor(private readonly versions: GetCatalogueVersion) {}

  async load(id: string, failure?: FormFailure) {
    return editorViewModel(await this.versions.execute(id), failure);
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(failure.params.id ?? '', failure);
  }
}
