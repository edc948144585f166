import { FindServicesInForce } from '@domain/catalogue';
import { ListStaffUsers } from '@domain/identity';
import { type ArticleFilter, ArticleQueries, osloToday, SearchArticles } from '@domain/knowledge';
import { Injectable } from '@nestjs/common';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import type { FormBody } from '../shared/form-body';
import type { FormFailure, FormPage } from '../shared/page-form';
import { listFilter } from './knowledge.forms';
import { HELP_DONE_TEXTS, KNOWLEDGE_PAGE_TEXTS } from './knowledge.texts.nb';
import {
  articleViewModel,
  editorViewModel,
  helpArticleViewModel,
  helpIndexViewModel,
  listViewModel,
  type Owner,
  type ServiceOption,
  versionViewModel,
} from './knowledge.view-model';

/** The staff and the services in force the pages name owners and services by. */
@Injectable()
export class KnowledgeNames {
  constructor(
    private readonly staff: ListStaffUsers,
    private readonly catalogue: FindServicesInForce,
  ) {}

  async owners(): Promise<Owner[]> {
    return (await this.staff.execute()).filter((u) => u.active).map((u) => ({ id: u.id, name: u.name }));
  }

  async services(): Promise<ServiceOption[]> {
    const codes = await this.catalogue.allCodes();
    const names = new Map((await this.catalogue.execute(codes)).map((s) => [s.code, s.name]));
    return codes.map((code) => ({ code, name: names.get(code) || code }));
  }
}

@Injectable()
export class KnowledgeListPage {
  constructor(
    private readonly search: SearchArticles,
    private readonly names: KnowledgeNames,
  ) {}

  async load(filter: ArticleFilter) {
    return listViewModel(await this.search.staff(filter), await this.names.owners(), await this.names.services(), filter);
  }
}

/** The editor of a new or existing article; a failed save shows it again with what was entered. */
@Injectable()
export class ArticleEditorPage implements FormPage {
  readonly view = 'knowledge/editor';
  readonly audience = 'staff';
  readonly texts = KNOWLEDGE_PAGE_TEXTS;

  constructor(
    private readonly queries: ArticleQueries,
    private readonly names: KnowledgeNames,
  ) {}

  async load(id: string | undefined, entered?: { body: FormBody; preview?: boolean; failure?: FormFailure }) {
    const article = id ? (await this.queries.detail(id)).article : null;
    return editorViewModel({ article, owners: await this.names.owners(), services: await this.names.services(), ...entered });
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(failure.params.id, { body: failure.body, failure });
  }
}

/** One article with its history; a refused status change or restore shows it again with the reason. */
@Injectable()
export class ArticlePage implements FormPage {
  readonly view = 'knowledge/article';
  readonly audience = 'staff';
  readonly texts = KNOWLEDGE_PAGE_TEXTS;

  constructor(
    private readonly queries: ArticleQueries,
    private readonly names: KnowledgeNames,
  ) {}

  async load(id: string, failure?: FormFailure) {
    return articleViewModel(await this.queries.detail(id), await this.names.owners(), await this.names.services(), osloToday(), failure);
  }

  async version(id: string, version: number) {
    const { article, version: old, changes } = await this.queries.version(id, version);
    return versionViewModel(article, old, changes);
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(failure.params.id ?? '', failure);
  }
}

/** The portal's help pages: every published article, searched in bokmål or nynorsk or by error code. */
@Injectable()
export class HelpPages {
  constructor(
    private readonly search: SearchArticles,
    private readonly queries: ArticleQueries,
  ) {}

  async index(q: Record<string, unknown>) {
    const { text, category } = listFilter(q);
    return {
      ...helpIndexViewModel(await this.search.published(text ?? '', { category }), text ?? '', category),
      done: HELP_DONE_TEXTS[String(q.done)],
    };
  }

  async article(slug: string) {
    return helpArticleViewModel(await this.queries.publishedBySlug(slug));
  }
}
