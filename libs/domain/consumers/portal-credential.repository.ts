import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { IsNull, LessThan } from 'typeorm';

import { type CredentialOwner, credentialOwner, type OwnerRow } from './credential-owner';
import { PortalSession } from './portal-session.entity';
import { PortalSignInToken } from './portal-sign-in-token.entity';

export interface PortalSessionOwner extends CredentialOwner {
  email: string;
  csrfToken: string;
}

/** The portal's one-time sign-in links and the sessions they open. */
@Injectable()
export class PortalCredentialRepository {
  constructor(private readonly db: DatabaseContext) {}

  insertSignInToken(token: Pick<PortalSignInToken, 'consumerId' | 'contactId' | 'tokenHash' | 'expiresAt'>): Promise<PortalSignInToken> {
    return this.db.repository(PortalSignInToken).save(this.db.repository(PortalSignInToken).create(token));
  }

  countSignInTokensSince(contactId: string, since: Date): Promise<number> {
    return this.db
      .repository(PortalSignInToken)
      .createQueryBuilder('t')
      .where('t.contact_id = :contactId AND t.created_at > :since', { contactId, since })
      .getCount();
  }

  /** Whether the link is unused and unexpired, without spending it. */
  async isUsableSignInToken(tokenHash: string): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `SELECT 1 FROM portal_sign_in_token WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
      [tokenHash],
    );
    return rows.length > 0;
  }

  /** Marks the link used and returns it, only if it was unused and unexpired (single use, also under races). */
  async consumeSignInToken(tokenHash: string): Promise<{ consumerId: string; contactId: string } | null> {
    const rows: Array<{ consumer_id: string; contact_id: string }> = await this.db.manager.query(
      `WITH used AS (
         UPDATE portal_sign_in_token SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING consumer_id, contact_id
       ) SELECT consumer_id, contact_id FROM used`,
      [tokenHash],
    );
    return rows.length ? { consumerId: rows[0].consumer_id, contactId: rows[0].contact_id } : null;
  }

  insertSession(
    session: Pick<PortalSession, 'idHash' | 'consumerId' | 'contactId' | 'csrfToken' | 'expiresAt' | 'ip' | 'userAgent'>,
  ): Promise<unknown> {
    return this.db.repository(PortalSession).insert(session);
  }

  async liveSessionOwner(idHash: string): Promise<PortalSessionOwner | null> {
    const rows: Array<OwnerRow & { email: string; csrf_token: string }> = await this.db.manager.query(
      `SELECT s.csrf_token, ct.email, c.id AS consumer_id, c.org_number, c.name, c.status
         FROM portal_session s
         JOIN consumer c ON c.id = s.consumer_id
         JOIN consumer_contact ct ON ct.id = s.contact_id
        WHERE s.id_hash = $1 AND s.expires_at > now()`,
      [idHash],
    );
    return rows.length ? { ...credentialOwner(rows[0]), email: rows[0].email, csrfToken: rows[0].csrf_token } : null;
  }

  /** Ends the contact's portal sessions and spends its sign-in links not yet used: they were for another address. */
  async endAllOfContact(contactId: string): Promise<void> {
    await this.db.repository(PortalSession).delete({ contactId });
    await this.db.repository(PortalSignInToken).delete({ contactId, usedAt: IsNull() });
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.repository(PortalSession).delete({ idHash });
  }

  async deleteExpired(): Promise<{ sessions: number; links: number }> {
    const sessions = await this.db.repository(PortalSession).delete({ expiresAt: LessThan(new Date()) });
    const links = await this.db.repository(PortalSignInToken).delete({ expiresAt: LessThan(new Date(Date.now() - 86_400_000)) });
    return { sessions: sessions.affected ?? 0, links: links.affected ?? 0 };
  }
}
