import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Attempts one key (a hashed client address, or the throttler's hashed key) made in its current
 * window, counted in the database so that every replica counts them together.
 */
@Entity('attempt_window')
export class AttemptWindow {
  @PrimaryColumn({ type: 'text' })
  scope: string;

  /** SHA-256 of the key: client addresses are not stored. */
  @PrimaryColumn({ name: 'key_hash', type: 'text' })
  keyHash: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'integer' })
  hits: number;
}
