import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { InboundMessage } from './inbound-message.entity';

/** A file that came with an inbound message; over the size limit only its name, type and size are kept. */
@Entity('inbound_attachment')
@Index('inbound_attachment_message_idx', ['inboundMessageId'])
export class InboundAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'inbound_message_id', type: 'uuid' })
  inboundMessageId: string;

  @ManyToOne(() => InboundMessage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inbound_message_id', foreignKeyConstraintName: 'inbound_attachment_message_fk' })
  message?: InboundMessage;

  @Column({ type: 'text', nullable: true })
  filename: string | null;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  /** Null when the file was larger than INBOUND_MAX_ATTACHMENT_BYTES. */
  @Column({ type: 'bytea', nullable: true, select: false })
  content: Buffer | null;

  @Column({ type: 'boolean' })
  stored: boolean;
}
