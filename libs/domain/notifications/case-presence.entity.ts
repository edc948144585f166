import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A staff member with a case page open (`incident:<id>`), as last heard by the live feed of any process. */
@Entity('case_presence')
@Index('case_presence_subject_idx', ['subject', 'seenAt'])
export class CasePresence {
  @PrimaryColumn({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @PrimaryColumn({ type: 'text' })
  subject: string;

  @Column({ name: 'seen_at', type: 'timestamptz' })
  seenAt: Date;
}
