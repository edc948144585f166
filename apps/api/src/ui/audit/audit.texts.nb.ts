import type { NavSection } from '../shared/navigation';

export const AUDIT_NAV: NavSection[] = [{ menu: 'staff', label: 'Revisjonslogg', href: '/audit', order: 80, permission: 'audit.read' }];

export const AUDIT_TITLE = 'Revisjonslogg';

/** In place of the details of an entry about a security case the reader may not see. */
export const AUDIT_RESTRICTED_TEXT = 'Sikkerhetssak (innholdet er skjermet)';

export const AUDIT_COLUMNS = { at: 'Tid', actor: 'Hvem', action: 'Handling', object: 'Objekt', ip: 'Fra', details: 'Detaljer' };

export const AUDIT_FILTER_TEXTS = {
  anyAction: 'Alle handlinger',
  anyObjectType: 'Alle typer',
  wholeGroup: (label: string) => `${label}: alle`,
  codesStartingWith: (start: string) => `Koder som begynner med «${start}»`,
};
