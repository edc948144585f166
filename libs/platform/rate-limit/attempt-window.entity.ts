import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Attempts one key (a client address, or the throttler's key for it) made in its current window,
 * counted in the database so that every replica counts them together.
 */
@Entity('attempt_window')
@Index(['startedAt'])
export class AttemptWindow {
  @PrimaryColumn({ type: 'text' })
  scope: string;

  /** HMAC-SHA-256 of the key under a secret of the deployment: client addresses are not stored. */
  @PrimaryColumn({ name: 'key_hash', type: 'text' })
  keyHash: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'integer' })
  hits: number;

  /** Until when the key is refused, once it has made too many attempts. */
  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;
}
