import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { ArticleCategory, ArticleStatus } from './rules/article-rules';

/**
 * A knowledge-base article in its current version: the first-line answer suggested for a
 * report's symptoms, the help page in the portal, and what staff offer on a case. Each save
 * is kept as a KnowledgeArticleVersion; `version` names the one shown here.
 */
@Entity('knowledge_article')
@Check('knowledge_article_status_check', `"status" IN ('draft', 'published', 'archived')`)
@Index('knowledge_article_search_nb_idx', { synchronize: false })
@Index('knowledge_article_search_simple_idx', { synchronize: false })
@Index('knowledge_article_codes_trgm_idx', { synchronize: false })
export class KnowledgeArticle {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('knowledge_article_slug_key', { unique: true })
  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: 'access' })
  category: ArticleCategory;

  /** Bilag 2 service codes the article is about; empty: every service. */
  @Column({ name: 'service_codes', type: 'text', array: true, default: () => "'{}'" })
  serviceCodes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords: string[];

  @Column({ name: 'error_codes', type: 'text', array: true, default: () => "'{}'" })
  errorCodes: string[];

  @Column({ name: 'http_statuses', type: 'integer', array: true, default: () => "'{}'" })
  httpStatuses: number[];

  /** The short answer a suggestion shows (plain text). */
  @Column({ type: 'text' })
  answer: string;

  /** The whole article (Markdown). */
  @Column({ type: 'text', default: '' })
  body: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  checklist: string[];

  @Column({ type: 'text', default: 'draft' })
  status: ArticleStatus;

  /** The staff member who keeps the article right. */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  /** When the article should next be checked (YYYY-MM-DD). */
  @Column({ name: 'review_due', type: 'date', nullable: true })
  reviewDue: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  // Kept by the trigger knowledge_article_search (see the migration); never written by the application.
  @Column({ name: 'search_nb', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchNb?: string;

  @Column({ name: 'search_simple', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchSimple?: string;

  @Column({ name: 'codes_folded', type: 'text', nullable: true, select: false, insert: false, update: false })
  codesFolded?: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
