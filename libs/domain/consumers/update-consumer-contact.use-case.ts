import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { NotFound, ValidationFailed } from '@platform/errors';

import { ConsumerRepository } from './consumer.repository';
import { type ContactView, toContactView } from './consumer.views';
import { type ContactInput, normaliseEmail, optionalText, validateContact } from './consumer-rules';
import { ContactExists, LastTechnicalContact } from './consumers.exceptions';
import { PortalCredentialRepository } from './portal-credential.repository';

@Injectable()
export class UpdateConsumerContact {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ConsumerRepository,
    private readonly portalCredentials: PortalCredentialRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(consumerId: string, contactId: string, input: Partial<ContactInput>, actor: Actor): Promise<ContactView> {
    const errors = validateContact(input, '', true);
    if (errors.length) throw new ValidationFailed(errors);
    return this.db.transaction(async () => {
      const contact = await this.repo.findContact(consumerId, contactId);
      if (!contact) throw new NotFound('The contact', 'contact_not_found');
      const before = toContactView(contact);
      const all = await this.repo.listContacts([consumerId]);
      const email = input.email !== undefined ? normaliseEmail(input.email) : contact.email;
      if (all.some((c) => c.id !== contactId && c.email === email)) throw new ContactExists(email);
      const role = input.role ?? contact.role;
      if (contact.role === 'technical' && role !== 'technical')
        await assertKeepsTechnicalContact(
          this.repo,
          consumerId,
          all.filter((c) => c.id !== contactId),
        );
      // A new address is a new person at the portal: whoever signed in with the old one is signed out.
      if (email !== contact.email) await this.portalCredentials.endAllOfContact(contactId);
      Object.assign(contact, {
        name: input.name !== undefined ? input.name.trim() : contact.name,
        email,
        phone: input.phone !== undefined ? optionalText(input.phone) : contact.phone,
        role,
      });
      const view = toContactView(await this.repo.saveContact(contact));
      await this.audit.execute({
        actor,
        action: 'consumer.contact_updated',
        objectType: 'consumer',
        objectId: consumerId,
        before,
        after: view,
      });
      return view;
    });
  }
}

/** Go-live needs a technical contact, so a connected consumer must keep one. */
export async function assertKeepsTechnicalContact(
  repo: ConsumerRepository,
  consumerId: string,
  remaining: Array<{ role: string }>,
): Promise<void> {
  if (remaining.some((c) => c.role === 'technical')) return;
  const services = await repo.listServices([consumerId]);
  if (services.some((s) => s.onboardingStep === 'connected')) throw new LastTechnicalContact();
}
