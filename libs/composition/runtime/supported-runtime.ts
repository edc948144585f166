/**
 * The oldest runtime the app runs on. argon2's prebuilt binary (password hashing) needs N-API 10,
 * which Node has from 22.14; on an older Node, loading it crashes the process without a word.
 */
export const LEAST_NODE = '22.14.0';
const LEAST_NAPI = 10;

/** Why this runtime cannot run the app, for the person starting it; null when it can. */
export function unsupportedRuntime(versions: { node: string; napi?: string }): string | null {
  const napi = Number(versions.napi ?? 0);
  if (Number.isInteger(napi) && napi >= LEAST_NAPI) return null;
  return `Segment desk needs Node.js ${LEAST_NODE} or newer (N-API ${LEAST_NAPI}); this is Node.js ${versions.node} (N-API ${versions.napi ?? 'none'}). Run it through the npm scripts (npm start, npm run cli), which use the project's own Node.js, or upgrade.`;
}
