import type { NavSection } from '../shared/navigation';

export const AUDIT_NAV: NavSection[] = [{ menu: 'staff', label: 'Revisjonslogg', href: '/audit', order: 80, permission: 'audit.read' }];

export const AUDIT_TITLE = 'Revisjonslogg';
