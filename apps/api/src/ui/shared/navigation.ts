import { hasPermission, type Permission, type Principal } from '@domain/shared';

/** One entry of a menu. Each part of the UI names its own sections; the UI module collects them. */
export interface NavSection {
  menu: 'staff' | 'portal';
  label: string;
  href: string;
  /** Position in the menu; leave gaps so sections of new parts slot in between. */
  order: number;
  /** The permission the section's page needs: only those who hold it see the entry. */
  permission: Permission;
  /** Current only on exactly `href` (an overview page), not on everything under it. */
  exact?: boolean;
}

export interface MenuItem {
  label: string;
  href: string;
  current: boolean;
}

/** Injection token for the sections of every part of the UI. */
export const NAV_SECTIONS = Symbol('NAV_SECTIONS');

const isCurrent = (section: NavSection, path: string) =>
  section.exact ? path === section.href : path === section.href || path.startsWith(`${section.href}/`);

/** The menu a principal sees on a page: its sections in order, the one the page belongs to marked. */
export function menuFor(sections: readonly NavSection[], menu: NavSection['menu'], principal: Principal, path: string): MenuItem[] {
  return sections
    .filter((s) => s.menu === menu && hasPermission(principal, s.permission))
    .sort((a, b) => a.order - b.order)
    .map((s) => ({ label: s.label, href: s.href, current: isCurrent(s, path) }));
}
