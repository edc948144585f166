import { versionOf } from '@domain/shared';

import type { CannedResponse } from './canned-response.entity';

/**
 * The version of a canned response as an editor reads it: its content, so that an edit made on
 * what someone else has changed since is refused rather than overwriting it unseen.
 */
export function cannedResponseVersion(c: Pick<CannedResponse, 'title' | 'body' | 'setStatus'>): string {
  return versionOf({ title: c.title, body: c.body, setStatus: c.setStatus });
}
