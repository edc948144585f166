import { ALL_PERMISSIONS, hasPermission, type Permission, type Principal } from '@domain/shared';

/** `incident.triage` → `incidentTriage`: a permission as a template can name it (`{{#if can.incidentTriage}}`). */
export const abilityName = (permission: Permission): string => permission.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase());

/** What the signed-in person may do, from the one permission map, for showing or hiding a page's controls. */
export function abilitiesOf(principal: Principal | undefined): Record<string, boolean> {
  return Object.fromEntries(ALL_PERMISSIONS.map((p) => [abilityName(p), !!principal && hasPermission(principal, p)]));
}
