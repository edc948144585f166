/** What a published Bilag 2 version changed (the catalogue's event, as this rule reads it). */
export interface CatalogueChanges {
  label: string;
  /** YYYY-MM-DD */
  effectiveFrom: string;
  added: Array<{ code: string; name: string }>;
  removed: Array<{ code: string; name: string }>;
  changed: Array<{ code: string; name: string; fields: string[] }>;
}

const FIELD_NAMES: Record<string, string> = {
  name: 'navn',
  description: 'beskrivelse',
  lifecycle: 'livssyklus',
  sunsetDate: 'utfasingsdato',
  maskinportenScopes: 'Maskinporten-scopes',
  entitlementPackages: 'rettighetspakker',
  environments: 'miljøer',
  escalationEmails: 'eskaleringsadresser',
  securityEmails: 'sikkerhetsadresser',
  serviceAreas: 'tjenesteområder',
  informationTypes: 'informasjonstyper',
  altinnResource: 'Altinn-ressurs',
  documentationUrl: 'dokumentasjon',
};

const DAY = 86_400_000;

/**
 * A draft notice proposed from a catalogue diff: the services it concerns (changed, added and
 * removed), a Norwegian summary for staff to edit, and an effective date no earlier than
 * tomorrow (a version recorded after the fact still needs a date ahead to notify against).
 */
export function proposeFromCatalogue(c: CatalogueChanges, now: Date) {
  const lines = [
    `Skatteetaten har endret Bilag 2 i versjonen «${c.label}», som gjelder fra ${c.effectiveFrom.split('-').reverse().join('.')}.`,
    '',
  ];
  for (const s of c.added) lines.push(`Ny tjeneste: ${s.name} (${s.code}).`);
  for (const s of c.changed) lines.push(`Endret: ${s.name} (${s.code}): ${s.fields.map((f) => FIELD_NAMES[f] ?? f).join(', ')}.`);
  for (const s of c.removed) lines.push(`Fjernet: ${s.name} (${s.code}).`);
  const effective = new Date(`${c.effectiveFrom}T00:00:00Z`);
  const earliest = new Date(now.getTime() + DAY);
  return {
    title: `Endringer i Bilag 2: ${c.label}`,
    kind: c.removed.length ? ('deprecation' as const) : ('interface-change' as const),
    body: lines.join('\n'),
    services: [...new Set([...c.changed, ...c.added, ...c.removed].map((s) => s.code))].sort(),
    environments: ['production', 'test'],
    effectiveAt: effective.getTime() > earliest.getTime() ? effective : earliest,
  };
}
