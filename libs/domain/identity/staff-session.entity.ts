import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Server-side session; the cookie holds a random secret whose SHA-256 is the key. */
@Entity('staff_session')
export class StaffSession {
  @PrimaryColumn({ name: 'id_hash', type: 'text' })
  idHash: string;

  @Index('staff_session_staff_idx')
  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @Column({ name: 'csrf_token', type: 'text' })
  csrfToken: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;
}
