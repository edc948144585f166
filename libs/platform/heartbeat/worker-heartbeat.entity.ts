import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A worker process that is running, or was: it writes `seenAt` every beat and removes its row as it stops. */
@Entity('worker_heartbeat')
export class WorkerHeartbeat {
  @PrimaryColumn({ name: 'worker_id', type: 'text' })
  workerId: string;

  @Column({ type: 'text' })
  host: string;

  @Column({ type: 'integer' })
  pid: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'seen_at', type: 'timestamptz' })
  seenAt: Date;
}
