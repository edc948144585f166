import type { NavSection } from '../shared/navigation';

export const KNOWLEDGE_NAV: NavSection[] = [
  { menu: 'staff', label: 'Kunnskapsbase', href: '/knowledge-base', order: 60, permission: 'knowledge-article.read' },
];

export const KNOWLEDGE_TEXTS = { title: 'Kunnskapsbase' };
