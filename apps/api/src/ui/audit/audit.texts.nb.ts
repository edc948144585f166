import type { NavSection } from '../shared/navigation';
import { abilitiesOf } from '../shared/staff-access';

export const AUDIT_NAV: NavSection[] = [
  { menu: 'staff', label: 'Revisjonslogg', href: '/audit', order: 80, visibleTo: (p) => abilitiesOf(p).canReadAudit },
];

export const AUDIT_TITLE = 'Revisjonslogg';
