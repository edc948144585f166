import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { KnowledgeArticle } from './knowledge-article.entity';

/** What an article said after one save: every save adds one, and restoring an old one saves it again as the newest. */
@Entity('knowledge_article_version')
@Index('knowledge_article_version_key', ['articleId', 'version'], { unique: true })
export class KnowledgeArticleVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @ManyToOne(() => KnowledgeArticle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'knowledge_article_version_article_fk' })
  article?: KnowledgeArticle;

  @Column({ type: 'integer' })
  version: number;

  /** The article's content fields as saved (ArticleContent). */
  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  /** Why, in a word: created, edited, restored from a version, seeded. */
  @Column({ type: 'text' })
  note: string;

  @Column({ name: 'saved_by', type: 'text' })
  savedBy: string;

  @CreateDateColumn({ name: 'saved_at', type: 'timestamptz' })
  savedAt: Date;
}
