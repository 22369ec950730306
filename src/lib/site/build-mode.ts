/**
 * True in the build opened from disk (`npm run build:offline`, which runs
 * `astro build --mode offline`): no Pagefind and no service worker (neither loads over
 * file://), a search and "My list" fed by a classic script instead. Replaced at build
 * time, so the hosted build carries none of the offline code.
 */
export const OFFLINE_BUILD = import.meta.env?.MODE === 'offline';
