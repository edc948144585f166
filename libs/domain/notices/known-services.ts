import { FindServicesInForce } from '@domain/catalogue';
import { Injectable } from '@nestjs/common';

/** The catalogue codes a notice may name: in force now or on its effective date (a service announced ahead). */
@Injectable()
export class KnownServices {
  constructor(private readonly catalogue: FindServicesInForce) {}

  async codes(effectiveAt: Date | null): Promise<Set<string>> {
    const now = await this.catalogue.allCodes(new Date());
    const later = effectiveAt && !Number.isNaN(effectiveAt.getTime()) ? await this.catalogue.allCodes(effectiveAt) : [];
    return new Set([...now, ...later]);
  }
}
