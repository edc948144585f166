import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { KnownServices } from './known-services';
import { OperationalMessageRepository } from './operational-message.repository';
import { type OperationalMessageView, toOperationalMessageView } from './operational-message.views';
import { normaliseOperationalMessage, type OperationalMessageInput } from './rules/feed-input';

/** Staff register an operational message Skatteetaten announced elsewhere (e-mail, phone, a page no feed covers). */
@Injectable()
export class RegisterOperationalMessage {
  constructor(
    private readonly db: DatabaseContext,
    private readonly messages: OperationalMessageRepository,
    private readonly known: KnownServices,
    private readonly audit: RecordAudit,
  ) {}

  async execute(input: OperationalMessageInput, actor: Actor, now: Date = new Date()): Promise<OperationalMessageView> {
    const { content, errors } = normaliseOperationalMessage(input, await this.known.codes(null), now);
    if (!content) throw new ValidationFailed(errors);
    return this.db.transaction(async () => {
      const message = await this.messages.insert({ ...content, feedEntryId: null, createdBy: actor.label });
      await this.audit.execute({
        actor,
        action: 'operational-message.started',
        objectType: 'operational_message',
        objectId: message.id,
        after: { title: content.title, services: content.services, environments: content.environments },
      });
      return toOperationalMessageView(message);
    });
  }
}
