import { FindServicesInForce } from '@domain/catalogue';
import { Injectable } from '@nestjs/common';
import type { FieldError } from '@platform/errors';

/** The consumer registry's view of Bilag 2: which service codes and environments are in force now. */
@Injectable()
export class ServiceCatalogue {
  constructor(private readonly inForce: FindServicesInForce) {}

  async codes(): Promise<Set<string>> {
    return new Set(await this.inForce.allCodes());
  }

  /** Each service's Altinn resource to delegate, as the version in force names it (null: none, or not in force). */
  async altinnResources(codes: readonly string[]): Promise<Map<string, string | null>> {
    const found = new Map((await this.inForce.execute([...codes])).map((s) => [s.code, s.altinnResource]));
    return new Map(codes.map((code) => [code, found.get(code) ?? null]));
  }

  /** Errors for codes missing from the version in force, and for environments a service is not offered in. */
  async check(
    services: ReadonlyArray<{ code: string; environments?: readonly string[] | null }>,
    field: (index: number) => string,
  ): Promise<FieldError[]> {
    if (!services.length) return [];
    const found = new Map((await this.inForce.execute(services.map((s) => s.code))).map((s) => [s.code, s]));
    const errors: FieldError[] = [];
    services.forEach((s, i) => {
      const service = found.get(s.code);
      if (!service) {
        errors.push({ field: `${field(i)}code`, message: `${s.code} is not a service in the Bilag 2 version in force` });
        return;
      }
      const missing = (s.environments ?? []).filter((e) => !(service.environments as readonly string[]).includes(e));
      if (missing.length)
        errors.push({
          field: `${field(i)}environments`,
          message: `${s.code} is not offered in ${missing.join(', ')} (offered: ${service.environments.join(', ')})`,
        });
    });
    return errors;
  }
}
