/**
 * The one inline script of the site, run in <head> before first paint: marks that
 * JavaScript runs (`js` on <html> shows the `.js-only` controls) and applies the
 * reader's stored light/dark choice, so a chosen theme never flashes. Kept here, as
 * one exact string, so tests can tell it from any other inline script.
 */
export function themeStorageKey(base: string): string {
  return `reading-list:theme:${base}`;
}

export function themeInitScript(base: string): string {
  return (
    `document.documentElement.classList.add('js');` +
    `try{var t=localStorage.getItem(${JSON.stringify(themeStorageKey(base)).replace(/</g, '\\u003c')});` +
    `if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`
  );
}
