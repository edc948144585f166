import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { OperationalMessageNotFound } from './notices.exceptions';
import { OperationalMessageRepository } from './operational-message.repository';
import { type OperationalMessageView, toOperationalMessageView } from './operational-message.views';

/** Staff end an operational message: new reports on its services are ordinary again. Ending an ended one changes nothing. */
@Injectable()
export class EndOperationalMessage {
  constructor(
    private readonly db: DatabaseContext,
    private readonly messages: OperationalMessageRepository,
    private readonly audit: RecordAudit,
  ) {}

  execute(id: string, actor: Actor, now: Date = new Date()): Promise<OperationalMessageView> {
    return this.db.transaction(async () => {
      const message = await this.messages.lock(id);
      if (!message) throw new OperationalMessageNotFound();
      if (message.endedAt) return toOperationalMessageView(message);
      await this.messages.end(id, now, 'staff');
      await this.audit.execute({
        actor,
        action: 'operational-message.ended',
        objectType: 'operational_message',
        objectId: id,
        after: { reason: 'staff' },
      });
      return toOperationalMessageView({ ...message, endedAt: now, endReason: 'staff' });
    });
  }
}
