// Live updates for signed-in staff (server-sent events from /live): the notification count in the
// header and the lists marked data-live-list change without reloading. Changes are announced
// politely to screen readers and never move focus. Without JavaScript the pages work as before.
(() => {
  if (!window.EventSource) return;
  const announcer = document.querySelector('[data-live-announcer]');
  const announce = (text) => {
    if (!announcer) return;
    // Cleared first, so the same sentence twice is read twice.
    announcer.textContent = '';
    window.setTimeout(() => (announcer.textContent = text), 50);
  };
  const plural = new Intl.PluralRules('nb');

  const showUnread = (unread) => {
    for (const badge of document.querySelectorAll('[data-unread-count]')) {
      const before = Number(badge.firstChild?.textContent ?? '0');
      badge.firstChild.textContent = String(unread);
      badge.hidden = unread === 0;
      badge.dispatchEvent(new CustomEvent('live:unread', { bubbles: true, detail: { unread } }));
      if (unread > before) announce(`Du har ${unread} ${plural.select(unread) === 'one' ? 'ulest varsling' : 'uleste varslinger'}.`);
    }
  };

  // Reads the page again and puts the list's new contents in place, unless the user is working in it.
  const refreshList = async (name) => {
    const list = document.querySelector(`[data-live-list="${name}"]`);
    // Rows chosen for a bulk action stay chosen: such a list waits until the user is done with it.
    if (!list || list.contains(document.activeElement) || list.querySelector('input:checked')) return;
    try {
      const res = await fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
      if (!res.ok) return;
      const fresh = new DOMParser().parseFromString(await res.text(), 'text/html').querySelector(`[data-live-list="${name}"]`);
      if (!fresh || fresh.innerHTML === list.innerHTML) return;
      list.innerHTML = fresh.innerHTML;
      list.dispatchEvent(new CustomEvent('live:updated', { bubbles: true }));
      announce(list.getAttribute('data-live-announce') || 'Listen er oppdatert.');
    } catch {
      // Offline or signed out: keep what is shown.
    }
  };

  // A case page says which case it is, so others with the same case open are named on it.
  const presence = document.querySelector('[data-presence]');
  const showPresence = (names) => {
    const alert = presence.querySelector('.ds-alert');
    const joined = names.length > 1 ? `${names.slice(0, -1).join(', ')}${presence.dataset.presenceAnd}${names.at(-1)}` : (names[0] ?? '');
    presence.querySelector('[data-presence-names]').textContent = presence.dataset.presenceText.replace('{names}', joined);
    alert.hidden = names.length === 0;
  };

  const source = new EventSource(presence ? `/live?${new URLSearchParams({ watch: presence.dataset.presence })}` : '/live');
  if (presence) source.addEventListener('presence', (event) => showPresence(JSON.parse(event.data).names));
  source.addEventListener('notifications', (event) => showUnread(JSON.parse(event.data).unread));
  for (const list of document.querySelectorAll('[data-live-list]')) {
    const name = list.getAttribute('data-live-list');
    source.addEventListener(name, () => void refreshList(name));
  }
})();
