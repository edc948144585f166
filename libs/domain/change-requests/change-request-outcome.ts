import { FindServicesInForce } from '@domain/catalogue';
import { ListConsumerContacts } from '@domain/consumers';
import { Injectable } from '@nestjs/common';
import { EnqueueEmail } from '@platform/mail';

import { ChangeRequest } from './change-request.entity';
import { ChangeRequestRepository } from './change-request.repository';
import { CHANGE_REQUEST_OUTCOME_MAIL } from './mail/change-request-outcome.mail';

/**
 * Tells every contact of every consumer behind a request what came of it: one e-mail per address
 * (a person at two supporting consumers hears it once), queued in the caller's transaction.
 */
@Injectable()
export class ChangeRequestOutcome {
  constructor(
    private readonly repo: ChangeRequestRepository,
    private readonly contacts: ListConsumerContacts,
    private readonly catalogue: FindServicesInForce,
    private readonly email: EnqueueEmail,
  ) {}

  async notify(request: ChangeRequest, outcome: { answered: boolean; message: string }): Promise<number> {
    const supporters = (await this.repo.supportsOf([request.id])).map((s) => s.consumerId);
    const addresses = new Map<string, string>();
    for (const c of await this.contacts.execute(supporters))
      if (!addresses.has(c.email.toLowerCase())) addresses.set(c.email.toLowerCase(), c.name);
    const [service] = await this.catalogue.execute([request.serviceCode]);
    const kind = outcome.answered ? 'answered' : 'declined';
    for (const [address, name] of addresses)
      await this.email.execute({
        template: CHANGE_REQUEST_OUTCOME_MAIL,
        to: [address],
        dedupeKey: `change-request-outcome:${request.id}:${kind}:${address}`,
        related: { type: 'change_request', id: request.id },
        data: {
          name,
          reference: request.reference,
          title: request.title,
          service: service?.name || request.serviceCode,
          answered: outcome.answered,
          message: outcome.message,
        },
      });
    return addresses.size;
  }
}
