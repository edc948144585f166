import { Injectable } from '@nestjs/common';
import { DATABASE_CHANNELS, DatabaseNotifications, NotifiedCache } from '@platform/database';

import { ConsumerRepository } from './consumer.repository';
import type { ContactRole } from './consumer-contact.entity';
import { mayAuthenticate } from './consumer-rules';

export interface ConsumerContactEntry {
  consumerId: string;
  name: string;
  email: string;
  role: ContactRole;
}

// Every report's confirmation reads its consumer's contacts; they change rarely, so a copy saves
// a query per report. Any write to a contact empties it at once on every process (the database notifies).
const CONTACT_CACHE_MS = 60_000;

/** For other contexts (notices, incidents): who to write to at these consumers. */
@Injectable()
export class ListConsumerContacts {
  private readonly byConsumer: NotifiedCache<readonly ConsumerContactEntry[]>;

  constructor(
    private readonly repo: ConsumerRepository,
    notifications: DatabaseNotifications,
  ) {
    this.byConsumer = new NotifiedCache(notifications, DATABASE_CHANNELS.consumerContactsChanged, CONTACT_CACHE_MS);
  }

  /** The contacts of these consumers, by consumer id, then role and name. */
  async execute(consumerIds: string[]): Promise<ConsumerContactEntry[]> {
    const ids = [...new Set(consumerIds)].sort();
    const found = await this.byConsumer.resolveMany(ids, (missing) => this.load(missing));
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  private async load(consumerIds: string[]): Promise<Map<string, readonly ConsumerContactEntry[]>> {
    const byConsumer = new Map<string, ConsumerContactEntry[]>(consumerIds.map((id) => [id, []]));
    for (const c of await this.repo.listContacts(consumerIds))
      byConsumer.get(c.consumerId)?.push(Object.freeze({ consumerId: c.consumerId, name: c.name, email: c.email, role: c.role }));
    return byConsumer;
  }

  /** Where an address is a registered contact (inbound e-mail: whose it is), at consumers that may still use the desk. */
  async byEmail(email: string): Promise<ConsumerContactEntry[]> {
    const contacts = await this.repo.contactsByEmail(email.trim().toLowerCase());
    return contacts
      .filter((c) => c.consumer && mayAuthenticate(c.consumer.status))
      .map((c) => ({ consumerId: c.consumerId, name: c.name, email: c.email, role: c.role }));
  }
}
