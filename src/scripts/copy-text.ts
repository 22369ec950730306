/**
 * Copy buttons (progressive enhancement): a `<button data-copy-target="id" hidden>`
 * is shown only where the clipboard API exists, and copies the text of element #id.
 * Without JavaScript the text stays readable and selectable.
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
  const target = document.getElementById(button.dataset.copyTarget ?? '');
  const status = button.parentElement?.querySelector('[role="status"]');
  if (!target || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(target.textContent ?? '');
      if (status) status.textContent = 'Copied.';
    } catch {
      if (status) status.textContent = 'Could not copy: select the text and copy it.';
    }
  });
}
