import { Initial1795445597964 } from './1795445597964-initial';

/** Every migration, in order (listed, not globbed, so the same list works in Jest and in dist/). */
export const MIGRATIONS = [Initial1795445597964];
