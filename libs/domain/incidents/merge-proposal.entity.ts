import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A pair of incidents that may be one problem. 'rejected' pairs (including those staff split
 * apart) are never merged automatically.
 */
@Entity('merge_proposal')
@Index('merge_proposal_pair_key', ['survivorId', 'mergedId'], { unique: true })
export class MergeProposal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'survivor_id', type: 'uuid' })
  survivorId: string;

  @Index('merge_proposal_merged_idx')
  @Column({ name: 'merged_id', type: 'uuid' })
  mergedId: string;

  @Column({ type: 'real' })
  score: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  reasons: string[];

  @Column({ type: 'text', default: 'proposed' })
  status: 'proposed' | 'accepted' | 'rejected';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;
}
