// Keyboard shortcuts for staff, listed on the help overlay («?»). Never while typing in a field,
// never with Ctrl, Alt or Meta (the browser's and the screen reader's own keys stay theirs).
// On a list (data-shortcut-rows): j/n and k/p move between rows, Enter opens the row's link.
// On a case page: r, a and c go to the reply, assign and close/resolve actions marked
// data-shortcut, only where the page has them.
// Single keys can get in the way of speech input and screen readers (WCAG 2.1.4): the help
// turns them off for this browser, and the header's button opens the help without a key.
(() => {
  const help = document.getElementById('shortcut-help');
  const STORED = 'segment-desk.shortcuts';
  const enabled = () => {
    try {
      return localStorage.getItem(STORED) !== 'off';
    } catch {
      return true;
    }
  };
  const toggle = document.querySelector('[data-shortcut-toggle]');
  if (toggle instanceof HTMLInputElement) {
    toggle.checked = enabled();
    toggle.addEventListener('change', () => {
      try {
        if (toggle.checked) localStorage.removeItem(STORED);
        else localStorage.setItem(STORED, 'off');
      } catch {
        // Storage refused (private mode): the choice holds for this page only.
      }
    });
  }
  for (const opener of document.querySelectorAll('[data-shortcut-help-open]')) {
    if (!help) continue;
    opener.hidden = false;
    opener.addEventListener('click', () => help.showModal());
  }
  const typing = (el) => el instanceof HTMLElement && (el.isContentEditable || el.closest('input, textarea, select, [contenteditable]'));
  const rows = () => [...document.querySelectorAll('[data-shortcut-rows] tbody tr')].filter((row) => row.querySelector('a[href]'));
  const action = (key) => document.querySelector(`[data-shortcut="${key}"]`);

  // The overlay lists only the moves this page offers.
  if (help) {
    for (const item of help.querySelectorAll('[data-shortcut-help]')) {
      const key = item.getAttribute('data-shortcut-help');
      item.hidden = key === 'list' ? !document.querySelector('[data-shortcut-rows]') : !action(key);
    }
  }

  const moveRow = (step) => {
    const all = rows();
    if (!all.length) return;
    const current = all.findIndex((row) => row.contains(document.activeElement));
    const next = all[current < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, current + step))];
    for (const row of all) row.classList.toggle('app-row--current', row === next);
    // Focus on the row's link: Enter then opens it, as any link.
    next.querySelector('a[href]').focus();
  };

  // The design system's details show their content only once their opening transition has run;
  // until then it takes no focus, so the focus is tried again each frame, for at most a second.
  const focusOnceShown = (target, frames = 60) => {
    target.focus();
    if (document.activeElement !== target && frames > 0) requestAnimationFrame(() => focusOnceShown(target, frames - 1));
  };

  // An action is a <details> (opened, its first field focused) or a link or button (focused, not pressed).
  const goTo = (el) => {
    if (el instanceof HTMLDetailsElement) {
      el.open = true;
      focusOnceShown(el.querySelector('textarea, input:not([type=hidden]), select, button') ?? el.querySelector('summary'));
    } else el.focus();
    el.scrollIntoView({ block: 'nearest' });
  };

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented || typing(event.target)) return;
    if (help?.open || !enabled()) return;
    const key = event.key;
    if (key === '?' && help) {
      event.preventDefault();
      help.showModal();
    } else if (key === '/') {
      const search = document.getElementById('app-search-q');
      if (!search) return;
      event.preventDefault();
      search.focus();
    } else if ((key === 'j' || key === 'n' || key === 'k' || key === 'p') && document.querySelector('[data-shortcut-rows]')) {
      event.preventDefault();
      moveRow(key === 'j' || key === 'n' ? 1 : -1);
    } else if ((key === 'r' || key === 'a' || key === 'c') && action(key)) {
      event.preventDefault();
      goTo(action(key));
    }
  });
})();
