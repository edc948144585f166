import type { KnowledgeArticle } from '@domain/knowledge';
import { ApiProperty } from '@nestjs/swagger';

/** A first-line answer to a known consumer-side cause. */
export class KnowledgeArticleResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'altinn-delegering' }) slug: string;
  @ApiProperty({ example: 'Manglende delegering i Altinn' }) title: string;
  @ApiProperty({ type: [String], example: ['delegering', 'altinn'] }) keywords: string[];
  @ApiProperty({ type: [String], example: ['SSG-003'] }) errorCodes: string[];
  @ApiProperty({ type: 'integer', isArray: true, example: [403] }) httpStatuses: number[];
  @ApiProperty({ description: 'The answer (Norwegian)' }) answer: string;
  @ApiProperty({ type: [String], description: 'What to check, step by step (Norwegian)' }) checklist: string[];
  @ApiProperty() published: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(a: KnowledgeArticle): KnowledgeArticleResponse {
    return {
      id: a.id,
      slug: a.slug,
      title: a.title,
      keywords: a.keywords,
      errorCodes: a.errorCodes,
      httpStatuses: a.httpStatuses,
      answer: a.answer,
      checklist: a.checklist,
      published: a.published,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    };
  }
}
