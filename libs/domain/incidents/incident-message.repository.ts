import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { IsNull } from 'typeorm';

import { IncidentMessage } from './incident-message.entity';

/** The incidents' conversations. */
@Injectable()
export class IncidentMessageRepository {
  constructor(private readonly db: DatabaseContext) {}

  insert(
    message: Omit<IncidentMessage, 'id' | 'createdAt' | 'threadRootMessageId'> & Partial<Pick<IncidentMessage, 'threadRootMessageId'>>,
  ): Promise<IncidentMessage> {
    return this.db.repository(IncidentMessage).save({ threadRootMessageId: null, ...message });
  }

  find(id: string): Promise<IncidentMessage | null> {
    return this.db.repository(IncidentMessage).findOneBy({ id });
  }

  /** Every message, oldest first: for staff. */
  ofIncident(incidentId: string): Promise<IncidentMessage[]> {
    return this.db.repository(IncidentMessage).find({ where: { incidentId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** What one municipality may read: messages between KS and it, never internal notes or the Skatteetaten thread. */
  async withConsumer(incidentId: string, consumerId: string): Promise<IncidentMessage[]> {
    return this.db
      .repository(IncidentMessage)
      .createQueryBuilder('m')
      .where('m.incident_id = :incidentId', { incidentId })
      .andWhere(`m.audience = 'municipalities'`)
      .andWhere(':consumerId = ANY(m.consumer_ids)', { consumerId })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
  }

  /**
   * Files the incident's messages to and from Skatteetaten that name no thread (stored before
   * threads were told apart) under the thread that starts with `rootMessageId`.
   */
  async assignThreadRoot(incidentId: string, rootMessageId: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE incident_message SET thread_root_message_id = $2 WHERE incident_id = $1 AND audience = 'skatteetaten' AND thread_root_message_id IS NULL`,
      [incidentId, rootMessageId],
    );
  }

  /** The newest message Skatteetaten sent in the thread that starts with `rootMessageId` (or in an unknown one), to answer it. */
  latestFromSkatteetaten(incidentId: string, rootMessageId: string): Promise<IncidentMessage | null> {
    const from = { incidentId, audience: 'skatteetaten', direction: 'in' } as const;
    return this.db.repository(IncidentMessage).findOne({
      where: [
        { ...from, threadRootMessageId: rootMessageId },
        { ...from, threadRootMessageId: IsNull() },
      ],
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** The staff member who last wrote in the conversation (their e-mail), if any. */
  async lastStaffAuthor(incidentId: string): Promise<string | null> {
    const row = await this.db
      .repository(IncidentMessage)
      .findOne({ where: { incidentId, direction: 'out', channel: 'desk' }, order: { createdAt: 'DESC', id: 'DESC' } });
    return row?.authorLabel ?? null;
  }

  /** A merge moves the merged incident's conversation to the survivor. */
  async moveToIncident(fromIncidentId: string, toIncidentId: string): Promise<void> {
    await this.db.repository(IncidentMessage).update({ incidentId: fromIncidentId }, { incidentId: toIncidentId });
  }
}
