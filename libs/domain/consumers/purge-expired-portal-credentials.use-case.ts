import { Injectable } from '@nestjs/common';

import { PortalCredentialRepository } from './portal-credential.repository';

/** Housekeeping: portal sessions past their expiry and sign-in links spent or expired a day ago. */
@Injectable()
export class PurgeExpiredPortalCredentials {
  constructor(private readonly portalCredentials: PortalCredentialRepository) {}

  execute(): Promise<{ sessions: number; links: number }> {
    return this.portalCredentials.deleteExpired();
  }
}
