import type { FormFailure } from '../shared/page-form';
import { newStaffForm, pageError } from './staff.view-model';

const TAKEN = 'Det finnes allerede en bruker med denne e-postadressen.';
const failure = (over: Partial<FormFailure>): FormFailure => ({
  form: 'staff',
  params: {},
  body: { email: 'kari@ks.no', name: 'Kari Nordmann', role: 'security' },
  code: 'staff_email_taken',
  error: TAKEN,
  fieldErrors: [{ field: 'email', name: 'email', label: 'E-post', message: TAKEN }],
  ...over,
});
const selected = (form: ReturnType<typeof newStaffForm>) => form.roles.filter((r) => r.selected).map((r) => r.value);

describe('the "Ny bruker" form', () => {
  it('opens empty with the least privileged role chosen, and no messages', () => {
    const form = newStaffForm();
    expect(form.values).toEqual({ email: '', name: '' });
    expect(selected(form)).toEqual(['viewer']);
    expect(form.errors).toEqual({});
    expect(form.summary).toBeUndefined();
  });

  it('keeps what was entered, the role included, and says the message once, beside its field', () => {
    const form = newStaffForm(failure({}));
    expect(form.values).toEqual({ email: 'kari@ks.no', name: 'Kari Nordmann' });
    expect(selected(form)).toEqual(['security']);
    expect(form.errors).toEqual({ email: TAKEN });
    expect(form.summary?.fields).toEqual([{ name: 'email', label: 'E-post' }]);
    expect(JSON.stringify(form.summary)).not.toContain(TAKEN);
    expect(pageError(failure({}))).toBeUndefined();
  });

  it.each<[string, Partial<FormFailure>, string | undefined]>([
    ['another form on the page keeps its message at the top', { form: 'reset-password', fieldErrors: [] }, TAKEN],
    ['a refusal of the new user without a field keeps its message at the top', { fieldErrors: [] }, TAKEN],
  ])('%s', (_case, over, error) => {
    expect(pageError(failure(over))).toBe(error);
  });

  it('leaves the form empty when another form on the page failed', () => {
    const form = newStaffForm(failure({ form: 'reset-password' }));
    expect(form.values).toEqual({ email: '', name: '' });
    expect(selected(form)).toEqual(['viewer']);
    expect(form.summary).toBeUndefined();
  });
});
