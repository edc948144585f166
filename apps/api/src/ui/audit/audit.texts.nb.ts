import type { NavSection } from '../shared/navigation';

export const AUDIT_NAV: NavSection[] = [{ menu: 'staff', label: 'Revisjonslogg', href: '/audit', order: 80, permission: 'audit.read' }];

export const AUDIT_TITLE = 'Revisjonslogg';

export const AUDIT_COLUMNS = { at: 'Tid', actor: 'Hvem', action: 'Handling', object: 'Objekt', ip: 'Fra', details: 'Detaljer' };
