import { ARTICLE_CATEGORIES, ARTICLE_STATUSES, type KnowledgeArticle } from '@domain/knowledge';
import { ApiProperty } from '@nestjs/swagger';

/** A knowledge-base article as staff and the report suggestions see it. */
export class KnowledgeArticleResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'altinn-delegering' }) slug: string;
  @ApiProperty({ example: 'Manglende delegering i Altinn' }) title: string;
  @ApiProperty({ enum: ARTICLE_CATEGORIES }) category: string;
  @ApiProperty({ type: [String], description: 'Bilag 2 service codes; empty: every service' }) serviceCodes: string[];
  @ApiProperty({ type: [String], example: ['delegering', 'altinn'] }) keywords: string[];
  @ApiProperty({ type: [String], example: ['SSG-003'] }) errorCodes: string[];
  @ApiProperty({ type: 'integer', isArray: true, example: [403] }) httpStatuses: number[];
  @ApiProperty({ description: 'The short answer (Norwegian, plain text)' }) answer: string;
  @ApiProperty({ description: 'The whole article (Norwegian, Markdown)' }) body: string;
  @ApiProperty({ type: [String], description: 'What to check, step by step (Norwegian)' }) checklist: string[];
  @ApiProperty({ enum: ARTICLE_STATUSES }) status: string;
  @ApiProperty({ description: 'Whether the status is published' }) published: boolean;
  @ApiProperty({ type: 'integer', description: 'The current version' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(a: KnowledgeArticle): KnowledgeArticleResponse {
    return {
      id: a.id,
      slug: a.slug,
      title: a.title,
      category: a.category,
      serviceCodes: a.serviceCodes,
      keywords: a.keywords,
      errorCodes: a.errorCodes,
      httpStatuses: a.httpStatuses,
      answer: a.answer,
      body: a.body,
      checklist: a.checklist,
      status: a.status,
      published: a.status === 'published',
      version: a.version,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    };
  }
}

/** A published article suggested for a text, with where its help page is. */
export class ArticleSuggestionResponse {
  @ApiProperty({ format: 'uuid', description: 'Name it when recording a deflection' }) id: string;
  @ApiProperty({ example: 'altinn-delegering' }) slug: string;
  @ApiProperty({ example: 'Tilgang mangler: delegering i Altinn' }) title: string;
  @ApiProperty({ enum: ARTICLE_CATEGORIES }) category: string;
  @ApiProperty({ description: 'The short answer (Norwegian, plain text)' }) answer: string;
  @ApiProperty({ type: [String], description: 'What to check (Norwegian)' }) checklist: string[];
  @ApiProperty({ example: '/portal/hjelp/altinn-delegering', description: 'The public help page' }) url: string;

  static from(a: KnowledgeArticle): ArticleSuggestionResponse {
    return {
      id: a.id,
      slug: a.slug,
      title: a.title,
      category: a.category,
      answer: a.answer,
      checklist: a.checklist,
      url: `/portal/hjelp/${a.slug}`,
    };
  }
}

/** A published article as the public help pages show it. */
export class PublicArticleResponse {
  @ApiProperty({ example: 'altinn-delegering' }) slug: string;
  @ApiProperty({ example: 'Tilgang mangler: delegering i Altinn' }) title: string;
  @ApiProperty({ enum: ARTICLE_CATEGORIES }) category: string;
  @ApiProperty({ type: [String] }) serviceCodes: string[];
  @ApiProperty({ type: [String], example: ['SSG-008'] }) errorCodes: string[];
  @ApiProperty({ description: 'The short answer (Norwegian, plain text)' }) answer: string;
  @ApiProperty({ description: 'The whole article (Norwegian, Markdown)' }) body: string;
  @ApiProperty({ type: [String] }) checklist: string[];
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() updatedAt: Date;

  static from(a: KnowledgeArticle): PublicArticleResponse {
    return {
      slug: a.slug,
      title: a.title,
      category: a.category,
      serviceCodes: a.serviceCodes,
      errorCodes: a.errorCodes,
      answer: a.answer,
      body: a.body,
      checklist: a.checklist,
      version: a.version,
      updatedAt: a.updatedAt,
    };
  }
}

export class DeflectionRecordedResponse {
  @ApiProperty({ description: 'False when this session had already counted this event for the article' }) counted: boolean;
}
