import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { ConsumerRepository } from './consumer.repository';
import { type ContactView, toContactView } from './consumer.views';
import { type ContactInput, normaliseEmail, optionalText, validateContact } from './consumer-rules';
import { ConsumerNotFound, ContactExists } from './consumers.exceptions';

@Injectable()
export class AddConsumerContact {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ConsumerRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(consumerId: string, input: ContactInput, actor: Actor): Promise<ContactView> {
    const errors = validateContact(input);
    if (errors.length) throw new ValidationFailed(errors);
    return this.db.transaction(async () => {
      if (!(await this.repo.findConsumer(consumerId))) throw new ConsumerNotFound();
      const email = normaliseEmail(input.email);
      const contact = await this.repo.insertContactIfNew({
        consumerId,
        name: input.name.trim(),
        email,
        phone: optionalText(input.phone),
        role: input.role,
      });
      if (!contact) throw new ContactExists(email);
      const view = toContactView(contact);
      await this.audit.execute({ actor, action: 'consumer.contact_added', objectType: 'consumer', objectId: consumerId, after: view });
      return view;
    });
  }
}
