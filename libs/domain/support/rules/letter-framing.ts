/**
 * Whether staff wrote their own greeting and sign-off in an answer, so the e-mail around it adds
 * none: «Hei Åse Lønning,» above «Hei Åse,», or a second «Vennlig hilsen» below «Mvh Kari», reads
 * as a machine talking over the person.
 */
const GREETING = /^(hei|hallo|heisann|god (morgen|dag|ettermiddag|kveld)|kjære|til)\b/i;
const SIGN_OFF = /^(mvh|med vennlig hilsen|vennlig hilsen|vennleg helsing|hilsen|beste hilsen|takk( og)?( for)?\b.*hilsen)\b/i;

/** The answer opens with a greeting of its own on its first line. */
export function opensWithGreeting(body: string): boolean {
  const first = body.trimStart().split('\n', 1)[0] ?? '';
  return GREETING.test(first.trim());
}

/** The answer ends with a sign-off of its own in one of its last three lines. */
export function endsWithSignOff(body: string): boolean {
  const lines = body
    .trimEnd()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.slice(-3).some((line) => SIGN_OFF.test(line));
}
