import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * An assignment group (Zammad's group, JSM's team): staff who share a kind of work. New tickets
 * of the categories it handles are routed to it; a ticket or incident with a group is assigned
 * only to one of its members. Archived groups take no new work and no longer route.
 */
@Entity('staff_group')
// Unique among groups not archived, case-insensitively (in the migration: an expression index).
@Index('staff_group_name_key', { synchronize: false })
export class StaffGroup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The ticket categories routed here by default; each is handled by at most one active group. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories: string[];

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A staff member in a group. */
@Entity('staff_group_member')
@Index('staff_group_member_staff_idx', ['staffId'])
export class StaffGroupMember {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @PrimaryColumn({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;
}
