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

  /** The services' names as contacts read them: in force now, else on the effective date; a code left out of both stays a code. */
  async names(codes: string[], effectiveAt: Date): Promise<string[]> {
    const named = new Map<string, string>();
    for (const at of [effectiveAt, new Date()]) for (const s of await this.catalogue.execute(codes, at)) named.set(s.code, s.name);
    return codes.map((code) => named.get(code) ?? code);
  }
}
