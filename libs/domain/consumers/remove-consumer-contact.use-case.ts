import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { NotFound } from '@platform/errors';

import { ConsumerRepository } from './consumer.repository';
import { toContactView } from './consumer.views';
import { assertKeepsTechnicalContact } from './update-consumer-contact.use-case';

/** Removing a contact also ends their portal sessions and unused sign-in links. */
@Injectable()
export class RemoveConsumerContact {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ConsumerRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(consumerId: string, contactId: string, actor: Actor): Promise<void> {
    await this.db.transaction(async () => {
      const contact = await this.repo.findContact(consumerId, contactId);
      if (!contact) throw new NotFound('The contact', 'contact_not_found');
      if (contact.role === 'technical') {
        const remaining = (await this.repo.listContacts([consumerId])).filter((c) => c.id !== contactId);
        await assertKeepsTechnicalContact(this.repo, consumerId, remaining);
      }
      await this.repo.deleteContact(contactId);
      await this.audit.execute({
        actor,
        action: 'consumer.contact_removed',
        objectType: 'consumer',
        objectId: consumerId,
        before: toContactView(contact),
      });
    });
  }
}
