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
