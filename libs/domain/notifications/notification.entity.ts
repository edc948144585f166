import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One in-app notice to one staff member: something new or assigned to them, read or not. */
@Entity('notification')
@Index('notification_recipient_idx', ['recipientId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  /** What happened, e.g. `incident.opened`; the admin UI words each kind. */
  @Column({ type: 'text' })
  kind: string;

  /** The human reference of what it is about (KS-2026-0042), if it has one. */
  @Column({ type: 'text', nullable: true })
  reference: string | null;

  /** The title of what it is about, as written (masked of identity numbers where it came from a report). */
  @Column({ type: 'text' })
  title: string;

  /** The staff page it leads to (a path). */
  @Column({ type: 'text' })
  link: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
