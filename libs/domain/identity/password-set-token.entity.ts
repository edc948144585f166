import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One-time link for setting or resetting a staff password. */
@Entity('password_set_token')
export class PasswordSetToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('password_set_token_staff_idx')
  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @Index('password_set_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
