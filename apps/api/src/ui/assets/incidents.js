// Progressive enhancement for the incident page; everything works without it.

// Live numbers: re-read the incident's summary (no reports) every 15 s and update the counts in the aria-live region.
// Only changed numbers are written, so screen readers hear about real changes only.
(() => {
  const region = document.querySelector('[data-live-incident]');
  if (!region) return;
  const url = region.getAttribute('data-live-incident');
  const refresh = async () => {
    try {
      const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!res.ok) return;
      const incident = await res.json();
      const plural = new Intl.PluralRules('nb');
      for (const el of region.querySelectorAll('[data-field]')) {
        const value = incident[el.getAttribute('data-field')];
        if (value === undefined || el.textContent === String(value)) continue;
        el.textContent = String(value);
        // The noun after the number follows it: "1 melding", "2 meldinger".
        const noun = region.querySelector(`[data-noun-of="${el.getAttribute('data-field')}"]`);
        if (noun) noun.textContent = noun.getAttribute(plural.select(Number(value)) === 'one' ? 'data-one' : 'data-other');
      }
    } catch {
      // Offline or signed out: keep the last numbers shown.
    }
  };
  window.setInterval(refresh, 15000);
})();

// Canned answers: choosing a knowledge-base article puts its answer in the message; text staff
// wrote themselves is kept and the answer added after it.
(() => {
  for (const select of document.querySelectorAll('select[data-fills]')) {
    const target = document.getElementById(select.getAttribute('data-fills'));
    if (!target) continue;
    let lastFilled = '';
    select.addEventListener('change', () => {
      const answer = select.selectedOptions[0]?.getAttribute('data-answer') ?? '';
      if (!answer) return;
      const untouched = target.value.trim() === '' || target.value === lastFilled;
      target.value = untouched ? answer : `${target.value.trimEnd()}\n\n${answer}`;
      lastFilled = untouched ? answer : '';
    });
  }
})();
