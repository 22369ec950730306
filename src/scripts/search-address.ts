/**
 * A search's words, filters and order kept in the page's address
 * (`/search/?q=agents&theme=skills&sort=date%3Adesc`), so that a reload, a bookmark or a
 * shared link gives the same search. The names are the form's own: the header form
 * sends the words under the same one.
 */

/** Sets the form from the address; words the browser restored (back from a result) win. */
export function restoreSearch(form: HTMLFormElement): void {
  const params = new URLSearchParams(location.search);
  for (const field of form.elements) {
    if (field instanceof HTMLInputElement && field.type === 'checkbox') {
      if (params.has(field.name)) field.checked = params.getAll(field.name).includes(field.value);
    } else if (field instanceof HTMLSelectElement) {
      const value = params.get(field.name);
      if (value !== null && [...field.options].some((option) => option.value === value)) field.value = value;
    } else if (field instanceof HTMLInputElement) {
      field.value ||= params.get(field.name) ?? '';
    }
  }
}

/** Puts the form's current search in the address, without a new history entry. */
export function rememberSearch(form: HTMLFormElement): void {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value.trim() !== '') params.append(name, value.trim());
  const query = params.toString();
  const address = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (address === `${location.pathname}${location.search}${location.hash}`) return;
  try {
    history.replaceState(history.state, '', address);
  } catch {
    // An address the browser will not rewrite (some file:// setups): the search still runs.
  }
}
