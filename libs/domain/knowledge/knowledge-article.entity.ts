import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** First-line answer for a known consumer-side cause, matched on keywords and error codes. */
@Entity('knowledge_article')
export class KnowledgeArticle {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('knowledge_article_slug_key', { unique: true })
  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords: string[];

  @Column({ name: 'error_codes', type: 'text', array: true, default: () => "'{}'" })
  errorCodes: string[];

  @Column({ name: 'http_statuses', type: 'integer', array: true, default: () => "'{}'" })
  httpStatuses: number[];

  @Column({ type: 'text' })
  answer: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  checklist: string[];

  @Column({ type: 'boolean', default: true })
  published: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
