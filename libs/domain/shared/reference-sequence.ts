import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { formatReference, REFERENCE_KINDS, ReferenceKind } from './reference';

/** Hands out the next human reference of a kind, in the caller's transaction. */
@Injectable()
export class ReferenceSequence {
  constructor(private readonly db: DatabaseContext) {}

  async next(kind: ReferenceKind, at: Date): Promise<string> {
    const [{ n }] = await this.db.manager.query(`SELECT nextval('${REFERENCE_KINDS[kind].sequence}')::int AS n`);
    return formatReference(kind, n, at);
  }
}
