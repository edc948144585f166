import { CreateFirstAdmin, ListApiTokens, ListStaffUsers, StaffGroups } from '@domain/identity';
import { STAFF_ROLES, type StaffPrincipal } from '@domain/shared';
import { TICKET_CATEGORIES } from '@domain/support';
import { Injectable } from '@nestjs/common';
import { DomainException } from '@platform/errors';
import type { FastifyReply } from 'fastify';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import { text } from '../shared/form-body';
import { describeFailure } from '../shared/form-errors';
import type { FormFailure, FormPage } from '../shared/page-form';
import { ROLE_LABELS, TICKET_CATEGORY_LABELS } from '../shared/shared.texts.nb';
import {
  GROUP_TEXTS,
  IDENTITY_TITLES,
  NO_USERS_NOTICE,
  PASSWORD_TEXTS,
  SETUP_TEXTS,
  SIGN_IN_TEXTS,
  STAFF_TEXTS,
  TOKEN_TEXTS,
} from './identity.texts.nb';
import { newStaffForm, pageError } from './staff.view-model';
import { groupsOfStaff, staffGroupsViewModel } from './staff-group.view-model';

/** The login page; the address entered is kept, the password never. Without any staff user it says where the setup link is. */
@Injectable()
export class SignInPage implements FormPage {
  readonly view = 'login';
  readonly audience = 'anyone';
  readonly texts = SIGN_IN_TEXTS;
  readonly correctable = ['validation', 'unauthenticated', 'rate-limited'] as const;

  constructor(private readonly firstAdmin: CreateFirstAdmin) {}

  async load(shown: { next: string; passwordSet?: boolean; email?: string; error?: string }) {
    const noUsers = (await this.firstAdmin.needed()) ? NO_USERS_NOTICE : undefined;
    return { title: IDENTITY_TITLES.login, layout: 'bare', noUsers, ...shown };
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    return this.load({ email: text(failure.body.email), next: text(failure.body.next), error: failure.error });
  }
}

/** The first admin's form behind the setup link; a link that cannot be used says why, and no form is shown. */
@Injectable()
export class SetupPage implements FormPage {
  readonly view = 'setup';
  readonly audience = 'anyone';
  readonly texts = SETUP_TEXTS;

  constructor(private readonly firstAdmin: CreateFirstAdmin) {}

  async show(token: string, res: FastifyReply) {
    try {
      await this.firstAdmin.assertUsable(token);
      return { title: IDENTITY_TITLES.setup, layout: 'bare', usable: true, token };
    } catch (e) {
      if (!(e instanceof DomainException)) throw e;
      res.status(e.kind === 'conflict' ? 409 : 404);
      return { title: IDENTITY_TITLES.setup, layout: 'bare', usable: false, closed: describeFailure(e, SETUP_TEXTS).error };
    }
  }

  async model(_req: AuthenticatedRequest, failure: FormFailure) {
    const closed = failure.code === 'setup_link_invalid' || failure.code === 'setup_done';
    return {
      title: IDENTITY_TITLES.setup,
      layout: 'bare',
      usable: !closed,
      closed: closed ? failure.error : undefined,
      token: failure.params.token,
      name: text(failure.body.name),
      email: text(failure.body.email),
      error: closed ? undefined : failure.error,
      fieldErrors: failure.fieldErrors,
    };
  }
}

@Injectable()
export class SetPasswordPage implements FormPage {
  readonly view = 'password-set';
  readonly audience = 'anyone';
  readonly texts = PASSWORD_TEXTS;

  async model(_req: AuthenticatedRequest, failure: FormFailure) {
    return {
      title: IDENTITY_TITLES.setPassword,
      layout: 'bare',
      usable: failure.code !== 'password_link_invalid',
      token: failure.params.token,
      error: failure.error,
      fieldErrors: failure.fieldErrors,
    };
  }
}

@Injectable()
export class StaffUsersPage implements FormPage {
  readonly view = 'staff';
  readonly audience = 'staff';
  readonly texts = STAFF_TEXTS;

  constructor(
    private readonly staff: ListStaffUsers,
    private readonly groups: StaffGroups,
  ) {}

  /** `selfId`: the signed-in admin, whose own row offers no deactivation or role change (both refused). */
  async load(selfId: string | null, shown: { created?: string; link?: string; failure?: FormFailure } = {}) {
    const groupsOf = groupsOfStaff(await this.groups.list());
    const users = (await this.staff.execute()).map((u) => ({
      ...u,
      self: u.id === selfId,
      roleLabel: ROLE_LABELS[u.role],
      groups: (groupsOf.get(u.id) ?? []).join(', '),
    }));
    return {
      title: IDENTITY_TITLES.staff,
      users,
      roles: STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
      newUser: newStaffForm(shown.failure),
      created: shown.created,
      link: shown.link,
      error: pageError(shown.failure),
    };
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(req.principal?.kind === 'staff' ? req.principal.id : null, { failure });
  }
}

/** The admin's assignment groups, archived ones last. */
@Injectable()
export class StaffGroupsPage implements FormPage {
  readonly view = 'staff-groups';
  readonly audience = 'staff';
  readonly texts = GROUP_TEXTS;

  constructor(
    private readonly groups: StaffGroups,
    private readonly staff: ListStaffUsers,
  ) {}

  async load(shown: { done?: string; failure?: FormFailure } = {}) {
    const groups = (await this.groups.list(true)).sort((a, b) => Number(a.archived) - Number(b.archived));
    const categories = TICKET_CATEGORIES.map((c) => ({ value: c, label: TICKET_CATEGORY_LABELS[c] }));
    return staffGroupsViewModel(groups, await this.staff.execute(), categories, shown);
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    return this.load({ failure });
  }
}

@Injectable()
export class ApiTokensPage implements FormPage {
  readonly view = 'tokens';
  readonly audience = 'staff';
  readonly texts = TOKEN_TEXTS;

  constructor(private readonly tokens: ListApiTokens) {}

  async load(me: StaffPrincipal, shown: { created?: unknown; failure?: FormFailure } = {}) {
    return {
      title: IDENTITY_TITLES.tokens,
      tokens: await this.tokens.execute(me),
      created: shown.created,
      error: shown.failure?.error,
      fieldErrors: shown.failure?.fieldErrors,
    };
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(req.principal as StaffPrincipal, { failure });
  }
}
