/**
 * Where to go after signing in: only a path on this site under `home`, never an open redirect.
 * Browsers read `//host` and `/\host` (backslash as slash, tabs and newlines dropped) as another
 * origin, so such paths are refused and the rest is resolved the way the browser will and must
 * stay on this origin; anything else leads `home`.
 */
export function safeNext(next: unknown, home = '/'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.includes('\\') || [...next].some((c) => c < ' ')) return home;
  const base = 'http://segment-desk.invalid';
  const url = new URL(next, base);
  if (url.origin !== base) return home;
  const within = home === '/' || url.pathname === home || url.pathname.startsWith(`${home}/`);
  return within ? `${url.pathname}${url.search}${url.hash}` : home;
}
