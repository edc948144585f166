import type { StaffGroupView, StaffUserView } from '@domain/identity';

import { list, text } from '../shared/form-body';
import { invalidFields, linkedFailure } from '../shared/form-errors';
import type { FormFailure } from '../shared/page-form';
import { GROUP_PAGE_TEXTS, IDENTITY_TITLES } from './identity.texts.nb';

export interface Option {
  value: string;
  label: string;
}

/** Where a group's fields are (the new group's form when no group is named), so the summary of a refusal leads to them. */
function groupFieldIds(id: string | undefined, firstCategory: string | undefined): Record<string, string> {
  const at = (field: string) => (id ? `${field}-${id}` : `new-${field}`);
  return {
    name: at('name'),
    description: at('description'),
    ...(id ? { staffId: `member-${id}` } : {}),
    ...(firstCategory ? { categories: id ? `category-${id}-${firstCategory}` : `new-category-${firstCategory}` } : {}),
  };
}

/**
 * The admin's assignment groups: each with its categories (by the support desk's names), members
 * and the forms that change it; a failed form shows its message beside the group it was for.
 */
export function staffGroupsViewModel(
  groups: StaffGroupView[],
  staff: StaffUserView[],
  categories: Option[],
  shown: { done?: string; failure?: FormFailure } = {},
) {
  const categoryName = new Map(categories.map((c) => [c.value, c.label]));
  const failureFor = (id: string | undefined) =>
    linkedFailure(shown.failure?.params.id === id ? shown.failure : undefined, groupFieldIds(id, categories[0]?.value));
  // The group form that was refused shows what was entered in it, its fields marked; the others what is stored.
  const refused = (form: string) => (shown.failure?.form === form ? shown.failure : undefined);
  const entered = (f: FormFailure) => ({
    name: text(f.body.name),
    description: text(f.body.description),
    categories: list(f.body.categories),
    invalid: invalidFields(f.fieldErrors),
  });
  const created = refused('staff-groups');
  return {
    title: IDENTITY_TITLES.groups,
    intro: GROUP_PAGE_TEXTS.intro,
    done: GROUP_PAGE_TEXTS.done[shown.done ?? ''],
    groups: groups.map((g) => {
      const edited = refused(g.id);
      const form = edited ? entered(edited) : { name: g.name, description: g.description, categories: g.categories, invalid: {} };
      return {
        id: g.id,
        name: g.name,
        description: g.description,
        archived: g.archived,
        stateLabel: g.archived ? GROUP_PAGE_TEXTS.archived : GROUP_PAGE_TEXTS.active,
        categoriesText: g.categories.map((c) => categoryName.get(c) ?? c).join(', ') || GROUP_PAGE_TEXTS.noCategories,
        form,
        // The details form sends the version it showed; a refused one shows the version stored now, so saving again overwrites knowingly.
        version: g.version,
        categoryOptions: categories.map((c) => ({ ...c, checked: form.categories.includes(c.value) })),
        members: g.members,
        // Active staff not yet in the group.
        candidates: staff
          .filter((u) => u.active && !g.members.some((m) => m.id === u.id))
          .map((u) => ({ value: u.id, label: u.name || u.email })),
        failure: failureFor(g.id),
      };
    }),
    noMembers: GROUP_PAGE_TEXTS.noMembers,
    newGroup: created ? entered(created) : { invalid: {} },
    categoryOptions: categories.map((c) => ({ ...c, checked: !!created && list(created.body.categories).includes(c.value) })),
    failure: failureFor(undefined),
  };
}

/** Each staff user's groups, by name, for the staff page. */
export function groupsOfStaff(groups: StaffGroupView[]): Map<string, string[]> {
  const of = new Map<string, string[]>();
  for (const g of groups.filter((x) => !x.archived)) for (const m of g.members) of.set(m.id, [...(of.get(m.id) ?? []), g.name]);
  return of;
}
