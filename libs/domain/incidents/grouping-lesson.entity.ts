import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What a staff correction taught matching: two features (words or glossary concepts) that
 * mean the same in this segment, learnt when staff merged or moved reports worded one way into
 * an incident worded the other. Strength grows with each correction that repeats the lesson.
 */
@Entity('grouping_lesson')
@Index('grouping_lesson_pair_key', ['featureA', 'featureB'], { unique: true })
export class GroupingLesson {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'feature_a', type: 'text' })
  featureA: string;

  @Column({ name: 'feature_b', type: 'text' })
  featureB: string;

  /** 0..1: how fully one stands in for the other in text similarity. */
  @Column({ type: 'real' })
  strength: number;

  /** The incident reference and staff member of the last correction that taught it. */
  @Column({ type: 'text' })
  source: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
