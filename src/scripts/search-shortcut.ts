/**
 * `/` focuses the search box of the page (/search/'s own, else the header's), unless the
 * reader is typing in a field: then `/` is just a character.
 */
const TYPING = 'input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), textarea, select';

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  const active = document.activeElement;
  if (active && (active.matches(TYPING) || (active as HTMLElement).isContentEditable)) return;
  const box = document.querySelector<HTMLInputElement>('#search-q, #header-search-q');
  if (!box) return;
  event.preventDefault();
  box.focus();
});
