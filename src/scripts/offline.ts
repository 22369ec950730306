/**
 * Registers the service worker (`<base>sw.js`, written by `npm run build` after everything
 * else: src/lib/build/service-worker.ts) so that, after a first visit, the site and its search work offline. Progressive
 * enhancement: browsers without service workers, or pages not in a secure context (plain
 * http on a host other than localhost), simply go without. Not in `astro dev`, which has no
 * sw.js, nor in the offline build (file:// has no service workers).
 */
import { OFFLINE_BUILD } from '../lib/site/build-mode.ts';
import { url } from '../lib/site/urls.ts';

if (import.meta.env.PROD && !OFFLINE_BUILD && 'serviceWorker' in navigator) {
  // After the page has loaded, so precaching never competes with the first render.
  const register = () => {
    navigator.serviceWorker.register(url('/sw.js'), { scope: url('/') }).catch(() => {
      // No worker (a host that blocks it, storage disabled): the site works online as before.
    });
  };
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
