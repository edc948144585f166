// Progressive enhancement only: every page works without it.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) event.preventDefault();
});

// A chosen file is read in the browser into the text field the form posts, so uploads need no
// multipart parsing and keep the form's CSRF protection. Without JavaScript the text is pasted.
for (const picker of document.querySelectorAll('[data-file-picker]')) picker.hidden = false;
document.addEventListener('change', async (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.dataset.fills || !input.files?.[0]) return;
  const target = document.getElementById(input.dataset.fills);
  if (target instanceof HTMLTextAreaElement) target.value = await input.files[0].text();
});

// A page shown again after a failed post: focus moves to its error summary, so the keyboard starts
// there and screen readers read it out (role="alert" alone is not announced on a page that loads
// with it). Only the first one: one form was posted.
const errorSummary = document.querySelector('[data-error-summary]');
if (errorSummary instanceof HTMLElement) errorSummary.focus();
// A page shown after an action that worked says so in a success banner: focus moves there for the
// same reason, unless the address leads elsewhere on the page (#conversation).
else if (!location.hash) {
  const done = document.querySelector('main .ds-alert[data-color="success"][role="status"]');
  if (done instanceof HTMLElement) {
    done.tabIndex = -1;
    done.focus();
  }
}

// A link in an error summary to a field puts the keyboard in it (in a group, its first choice),
// with the field's label or the group's legend in view. A link to a section (the catalogue editor's
// «Se feilen i skjemaet») scrolls as any link does, as do all of them without JavaScript.
const CONTROL = 'input:not([type="hidden"]), select, textarea';
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('[data-error-summary] a[href^="#"]') : null;
  const target = link && document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
  if (!target) return;
  const control = target.matches(CONTROL) ? target : target.matches('fieldset') ? target.querySelector(CONTROL) : null;
  if (!control) return;
  event.preventDefault();
  const choice = control.type === 'checkbox' || control.type === 'radio';
  const caption = (choice && control.closest('fieldset')?.querySelector('legend')) || control.labels?.[0] || control;
  caption.scrollIntoView();
  control.focus({ preventScroll: true });
});

// On narrow screens the menu folds behind a button (app.css); without JavaScript it stays open.
for (const toggle of document.querySelectorAll('[data-menu-toggle]')) {
  toggle.hidden = false;
  toggle.addEventListener('click', () => toggle.setAttribute('aria-expanded', String(toggle.getAttribute('aria-expanded') !== 'true')));
}

// «Sett inn lenke i svaret»: a suggested article's title and public link go into the reply at the
// cursor. Without JavaScript the buttons stay hidden and the link is there to copy.
for (const button of document.querySelectorAll('[data-insert-into]')) {
  button.hidden = false;
  button.addEventListener('click', () => {
    const target = document.getElementById(button.dataset.insertInto);
    if (!(target instanceof HTMLTextAreaElement)) return;
    const at = target.selectionStart ?? target.value.length;
    const before = target.value.slice(0, at);
    const text = `${before && !before.endsWith('\n') ? '\n' : ''}${button.dataset.insert}\n`;
    target.setRangeText(text, at, target.selectionEnd ?? at, 'end');
    target.focus();
  });
}

// An assignee list offers only the members of the group chosen beside it (with no group, everyone).
// The server refuses a non-member all the same. The assignee a case already has stays offered
// until the group is changed, so saving the form unchanged changes nothing.
for (const assignee of document.querySelectorAll('select[data-members-of]')) {
  const group = document.getElementById(assignee.dataset.membersOf);
  if (!(assignee instanceof HTMLSelectElement) || !(group instanceof HTMLSelectElement)) continue;
  const offer = (keepChosen) => {
    const everyone = group.value === '' || group.value === 'none';
    for (const option of assignee.options) {
      if (option.dataset.groups === undefined) continue;
      const offered = everyone || option.dataset.groups.split(' ').includes(group.value) || (keepChosen && option.selected);
      option.hidden = !offered;
      option.disabled = !offered;
    }
    if (assignee.selectedOptions[0]?.disabled) assignee.value = '';
  };
  group.addEventListener('change', () => offer(false));
  offer(true);
}
