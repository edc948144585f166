import { Injectable } from '@nestjs/common';

import { ConsumerRepository } from './consumer.repository';
import type { ContactRole } from './consumer-contact.entity';
import { mayAuthenticate } from './consumer-rules';

export interface ConsumerContactEntry {
  consumerId: string;
  name: string;
  email: string;
  role: ContactRole;
}

/** For other contexts (notices, incidents): who to write to at these consumers. */
@Injectable()
export class ListConsumerContacts {
  constructor(private readonly repo: ConsumerRepository) {}

  async execute(consumerIds: string[]): Promise<ConsumerContactEntry[]> {
    return (await this.repo.listContacts([...new Set(consumerIds)])).map((c) => ({
      consumerId: c.consumerId,
      name: c.name,
      email: c.email,
      role: c.role,
    }));
  }

  /** Where an address is a registered contact (inbound e-mail: whose it is), at consumers that may still use the desk. */
  async byEmail(email: string): Promise<ConsumerContactEntry[]> {
    const contacts = await this.repo.contactsByEmail(email.trim().toLowerCase());
    return contacts
      .filter((c) => c.consumer && mayAuthenticate(c.consumer.status))
      .map((c) => ({ consumerId: c.consumerId, name: c.name, email: c.email, role: c.role }));
  }
}
