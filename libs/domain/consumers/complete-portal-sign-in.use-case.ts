import { randomBytes } from 'node:crypto';

import { RecordAudit } from '@domain/audit';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';
import { hashToken } from '@platform/security';

import { ConsumerRepository } from './consumer.repository';
import { mayAuthenticate } from './consumer-rules';
import { InvalidPortalLink } from './consumers.exceptions';
import { PortalCredentialRepository } from './portal-credential.repository';

export interface PortalSessionStarted {
  cookieValue: string;
  expiresAt: Date;
}

/**
 * Spends a sign-in link (once, before it expires) and starts a portal session with its own CSRF
 * token. Opening the link only checks it (`assertUsable`): mail systems open links to scan them,
 * and a link spent that way would be gone before the person clicks it.
 */
@Injectable()
export class CompletePortalSignIn {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ConsumerRepository,
    private readonly portalCredentials: PortalCredentialRepository,
    private readonly audit: RecordAudit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertUsable(token: string): Promise<void> {
    if (!(await this.portalCredentials.isUsableSignInToken(hashToken(token)))) throw new InvalidPortalLink();
  }

  async execute(token: string, ip: string | null, userAgent: string | null): Promise<PortalSessionStarted> {
    return this.db.transaction(async () => {
      const link = await this.portalCredentials.consumeSignInToken(hashToken(token));
      if (!link) throw new InvalidPortalLink();
      const consumer = await this.repo.findConsumer(link.consumerId);
      const contact = await this.repo.findContact(link.consumerId, link.contactId);
      if (!consumer || !contact || !mayAuthenticate(consumer.status)) throw new InvalidPortalLink();
      const cookieValue = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3_600_000);
      await this.portalCredentials.insertSession({
        idHash: hashToken(cookieValue),
        consumerId: consumer.id,
        contactId: contact.id,
        csrfToken: randomBytes(24).toString('base64url'),
        expiresAt,
        ip,
        userAgent: userAgent?.slice(0, 300) ?? null,
      });
      await this.audit.execute({
        actor: { kind: 'consumer', id: consumer.id, label: contact.email, ip },
        action: 'portal.signed_in',
        objectType: 'consumer',
        objectId: consumer.id,
        details: { contactId: contact.id },
      });
      return { cookieValue, expiresAt };
    });
  }
}
