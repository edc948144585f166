import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { KnowledgeArticle } from './knowledge-article.entity';
import type { DeflectionKind } from './rules/article-rules';

/**
 * One count of deflection: an article suggested to someone writing a report or ticket
 * (`shown`), or their «Dette løste saken» (`helped`). One of each per article and session
 * (the form being filled in), so reloading a form does not count twice.
 */
@Entity('knowledge_deflection')
@Index('knowledge_deflection_session_key', ['articleId', 'kind', 'session'], { unique: true })
@Check('knowledge_deflection_kind_check', `"kind" IN ('shown', 'helped')`)
export class KnowledgeDeflection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @ManyToOne(() => KnowledgeArticle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'knowledge_deflection_article_fk' })
  article?: KnowledgeArticle;

  @Column({ type: 'text' })
  kind: DeflectionKind;

  /** Where the suggestion was shown: the report form, a ticket, the API. */
  @Column({ type: 'text' })
  channel: string;

  @Column({ type: 'text' })
  session: string;

  @Column({ name: 'consumer_id', type: 'uuid', nullable: true })
  consumerId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
