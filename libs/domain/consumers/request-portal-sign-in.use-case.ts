import { RecordAudit } from '@domain/audit';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';
import { EnqueueEmail } from '@platform/mail';
import { hashToken, newSecretToken, withUniformDuration } from '@platform/security';

import { ConsumerRepository } from './consumer.repository';
import { mayAuthenticate, normaliseEmail } from './consumer-rules';
import { PORTAL_SIGN_IN_MAIL } from './mail/portal-sign-in.mail';
import { PortalCredentialRepository } from './portal-credential.repository';

export const PORTAL_LINK_TTL_MS = 15 * 60_000;
// At most this many links per contact within one link lifetime, whoever asks.
const LINKS_PER_WINDOW = 5;
/**
 * A registered contact's request writes a link, an audit entry and an e-mail (about 20 ms more
 * than an unknown address's): every request is answered no sooner than this, so the answer's
 * timing does not tell which addresses are registered either.
 */
export const PORTAL_SIGN_IN_ANSWER_MS = 250;

/**
 * The portal sign-in form: a registered contact gets a one-time link by e-mail (one per
 * organisation they are a contact for). The caller learns nothing: unknown addresses get
 * the same answer, as soon, and no e-mail.
 */
@Injectable()
export class RequestPortalSignIn {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ConsumerRepository,
    private readonly portalCredentials: PortalCredentialRepository,
    private readonly email: EnqueueEmail,
    private readonly audit: RecordAudit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `next`: the portal path the link opens after signing in (checked again when the link is used). */
  execute(rawEmail: string, ip: string | null, next?: string): Promise<void> {
    return withUniformDuration(PORTAL_SIGN_IN_ANSWER_MS, () => this.sendLinks(rawEmail, ip, next));
  }

  private async sendLinks(rawEmail: string, ip: string | null, next?: string): Promise<void> {
    const email = normaliseEmail(rawEmail);
    if (!email || email.length > 254) return;
    await this.db.transaction(async () => {
      const contacts = (await this.repo.contactsByEmail(email)).filter((c) => c.consumer && mayAuthenticate(c.consumer.status));
      const now = Date.now();
      const expiresAt = new Date(now + PORTAL_LINK_TTL_MS);
      const links: Array<{ organisation: string; link: string; tokenId: string }> = [];
      for (const contact of contacts) {
        if ((await this.portalCredentials.countSignInTokensSince(contact.id, new Date(now - PORTAL_LINK_TTL_MS))) >= LINKS_PER_WINDOW)
          continue;
        const token = newSecretToken('sdp');
        const stored = await this.portalCredentials.insertSignInToken({
          consumerId: contact.consumerId,
          contactId: contact.id,
          tokenHash: hashToken(token),
          expiresAt,
        });
        links.push({
          organisation: contact.consumer!.name,
          link: `${this.config.publicUrl}/portal/login/${encodeURIComponent(token)}${next ? `?next=${encodeURIComponent(next)}` : ''}`,
          tokenId: stored.id,
        });
        await this.audit.execute({
          actor: { kind: 'anonymous', id: null, label: email, ip },
          action: 'portal.sign_in_link_sent',
          objectType: 'consumer',
          objectId: contact.consumerId,
          details: { contactId: contact.id },
        });
      }
      if (!links.length) return;
      await this.email.execute({
        template: PORTAL_SIGN_IN_MAIL,
        to: [email],
        data: { name: contacts[0].name, links: links.map(({ organisation, link }) => ({ organisation, link })), expiresAt },
        dedupeKey: `portal-sign-in:${links.map((l) => l.tokenId).join(',')}`,
      });
    });
  }
}
