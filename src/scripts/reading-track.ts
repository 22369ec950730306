/**
 * Progressive enhancement for every page (loaded once from BaseLayout):
 *  - the light/dark toggle in the header (the choice is applied before first paint
 *    by the inline script in BaseLayout; this wires the button);
 *  - the reader's tracking state (localStorage): badges on `[data-paper="<slug>"]`
 *    list items, the status/star controls on a paper page, the per-theme progress on
 *    the home page, and the /my-list/ page with export and import.
 * Without JavaScript none of these show (`.js-only`, `hidden`), and every page reads.
 */
import {
  MAX_IMPORT_CHARS,
  STATUS_LABELS,
  countRead,
  emptyState,
  mergeStates,
  parseState,
  serialiseState,
  storageKey,
  withStar,
  withStatus,
  type ReadingState,
  type Status,
} from '../lib/site/reading-state.ts';
import { configuredBase, paperPath, tagPath, themePath, url } from '../lib/site/urls.ts';
import { curatorMarks, isCurated, type CurationLike } from '../lib/site/curation.ts';
import type { PaperIndex } from '../pages/my-list/papers.json.ts';
import { OFFLINE_BUILD } from '../lib/site/build-mode.ts';
import { loadedOfflineData, type OfflineData } from '../lib/offline/data.ts';
import { pageHref } from '../lib/offline/page-href.ts';
import { themeStorageKey } from '../lib/site/theme-init.ts';

const base = configuredBase();
const KEY = storageKey(base);
const THEME_KEY = themeStorageKey(base);

// ---- storage -------------------------------------------------------------------

function load(): ReadingState {
  let text: string | null = null;
  try {
    text = localStorage.getItem(KEY);
  } catch {
    return emptyState();
  }
  if (!text) return emptyState();
  const result = parseState(text);
  return result.ok ? result.state : emptyState();
}

let state = load();

function save(next: ReadingState): boolean {
  state = next;
  try {
    localStorage.setItem(KEY, serialiseState(next));
    return true;
  } catch {
    return false; // private mode or full: the change lasts for this page only
  } finally {
    renderAll();
  }
}

window.addEventListener('storage', (event) => {
  if (event.key === KEY) {
    state = load();
    renderAll();
  }
});

// ---- paper index (titles, URLs, themes), fetched once when needed -----------------

let indexPromise: Promise<PaperIndex> | undefined;
function paperIndex(): Promise<PaperIndex> {
  // Opened from disk nothing can be fetched: the offline build's page loads offline-data.js instead.
  indexPromise ??= OFFLINE_BUILD
    ? Promise.resolve(offlinePaperIndex(loadedOfflineData()))
    : fetch(url('/my-list/papers.json')).then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<PaperIndex>;
      });
  return indexPromise;
}

function offlinePaperIndex(data: OfflineData | undefined): PaperIndex {
  if (!data) throw new Error('offline-data.js is missing');
  const themeNumbers = new Map(data.themes.map((theme, n) => [theme.id, n]));
  return {
    themes: data.themes.map(({ id, title }) => ({ id, title, url: pageHref(themePath(id)) })),
    papers: Object.fromEntries(
      data.papers.map((paper) => {
        const themes = paper.themes.map((id) => themeNumbers.get(id)!);
        return [paper.slug, paper.curation ? [paper.title, themes, paper.curation] : [paper.title, themes]];
      }),
    ),
  };
}

// ---- small DOM helpers ------------------------------------------------------------

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function badgesFor(slug: string): HTMLElement[] {
  const entry = state.papers[slug];
  const badges: HTMLElement[] = [];
  if (entry?.status) badges.push(el('span', { className: `track-badge track-badge--${entry.status}`, textContent: STATUS_LABELS[entry.status] }));
  if (entry?.starred) badges.push(el('span', { className: 'track-badge track-badge--star' }, el('span', { ariaHidden: 'true', textContent: '★ ' }), 'Starred'));
  return badges;
}

/** The curator's word on a paper, as CuratorMarks.astro shows it on pages: "Curator: Read · ★★★★☆ · Tags: rl". */
function curatorLine(curation: CurationLike): HTMLElement {
  const parts: (Node | string)[] = [el('span', { className: 'curator__who', textContent: 'Curator: ' })];
  const separator = () => el('span', { ariaHidden: 'true', textContent: ' · ' });
  curatorMarks(curation).forEach((mark, i) => {
    if (i > 0) parts.push(separator());
    if (mark.kind === 'rating') {
      const stars = el('span', { className: 'curator__rating', textContent: mark.stars, title: mark.text });
      stars.setAttribute('role', 'img');
      stars.setAttribute('aria-label', mark.text);
      parts.push(stars);
    } else parts.push(el('span', { className: `curator__${mark.kind}`, textContent: mark.text }));
  });
  const tags = curation.tags ?? [];
  if (tags.length > 0) {
    const links = tags.flatMap((tag, i) => [...(i > 0 ? [', '] : []), el('a', { href: pageHref(tagPath(tag)), textContent: tag })]);
    parts.push(el('span', { className: 'curator__tags' }, ...(parts.length > 1 ? [separator()] : []), 'Tags: ', ...links));
  }
  return el('p', { className: 'curator paper-item__curator' }, ...parts);
}

// ---- badges on lists ----------------------------------------------------------------

function renderBadges() {
  for (const item of document.querySelectorAll<HTMLElement>('[data-paper]')) {
    const slug = item.dataset['paper'] ?? '';
    let holder = item.querySelector<HTMLElement>('.track-badges');
    const badges = badgesFor(slug);
    if (badges.length === 0) {
      holder?.remove();
      continue;
    }
    if (!holder) {
      // In the item's [data-track-slot] if it has one, else under its heading, else after its text.
      const slot = item.querySelector<HTMLElement>('[data-track-slot]');
      const heading = slot ? null : item.querySelector('h2, h3, h4');
      holder = el(heading ? 'p' : 'span', { className: 'track-badges' });
      if (slot) slot.append(holder);
      else if (heading) heading.after(holder);
      else item.append(holder);
    }
    // "You:", against the curator's "Curator:" (CuratorMarks.astro) on the same row.
    holder.replaceChildren(el('span', { className: 'track-badges__who', textContent: 'You: ' }), ...badges);
  }
}

// ---- controls on a paper page ---------------------------------------------------------

function setupControls() {
  for (const box of document.querySelectorAll<HTMLElement>('[data-track-controls]')) {
    const slug = box.dataset['slug'] ?? '';
    const message = box.querySelector<HTMLElement>('[data-track-message]');
    box.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button');
      if (!button || !box.contains(button)) return;
      const now = new Date().toISOString();
      const entry = state.papers[slug];
      let said = '';
      if (button.dataset['status']) {
        const status = button.dataset['status'] as Status;
        const next = entry?.status === status ? undefined : status;
        const stored = save(withStatus(state, slug, next, now));
        said = next ? `Marked as ${STATUS_LABELS[next].toLowerCase()}.` : 'Status cleared.';
        if (!stored) said += ' (Not saved: this browser does not allow storage.)';
      } else if (button.hasAttribute('data-star')) {
        const stored = save(withStar(state, slug, !entry?.starred, now));
        said = entry?.starred ? 'Star removed.' : 'Starred.';
        if (!stored) said += ' (Not saved: this browser does not allow storage.)';
      }
      if (message) message.textContent = said;
    });
  }
}

function renderControls() {
  for (const box of document.querySelectorAll<HTMLElement>('[data-track-controls]')) {
    const entry = state.papers[box.dataset['slug'] ?? ''];
    for (const button of box.querySelectorAll<HTMLButtonElement>('button[data-status]')) {
      button.setAttribute('aria-pressed', String(entry?.status === button.dataset['status']));
    }
    box.querySelector('button[data-star]')?.setAttribute('aria-pressed', String(Boolean(entry?.starred)));
  }
}

// ---- per-theme progress on the home page ----------------------------------------------

async function renderProgress() {
  const bars = document.querySelectorAll<HTMLElement>('[data-theme-progress]');
  if (bars.length === 0) return;
  const read = new Map<string, number>();
  if (Object.values(state.papers).some((entry) => entry.status === 'read')) {
    try {
      const index = await paperIndex();
      for (const [slug, [, themes]] of Object.entries(index.papers)) {
        if (countRead(state, [slug]) === 0) continue;
        for (const i of themes) {
          const id = index.themes[i]?.id;
          if (id) read.set(id, (read.get(id) ?? 0) + 1);
        }
      }
    } catch {
      return; // leave the bars hidden rather than show wrong numbers
    }
  }
  for (const bar of bars) {
    const total = Number(bar.dataset['total'] ?? 0);
    const done = read.get(bar.dataset['themeProgress'] ?? '') ?? 0;
    const progress = bar.querySelector('progress');
    if (progress) {
      progress.max = Math.max(total, 1);
      progress.value = done;
    }
    const text = bar.querySelector('[data-progress-text]');
    if (text) text.textContent = `${done} of ${total} read`;
    bar.hidden = false;
  }
}

// ---- /my-list/ -------------------------------------------------------------------------

const GROUPS: { key: Status | 'starred'; title: string }[] = [
  { key: 'reading', title: 'Reading' },
  { key: 'to-read', title: 'To read' },
  { key: 'read', title: 'Read' },
  { key: 'starred', title: 'Starred, no status' },
];

async function renderMyList() {
  const root = document.querySelector<HTMLElement>('[data-my-list]');
  if (!root) return;
  const target = root.querySelector<HTMLElement>('[data-my-list-groups]');
  if (!target) return;
  let index: PaperIndex;
  try {
    index = await paperIndex();
  } catch {
    target.replaceChildren(el('p', { textContent: 'The list of papers could not be loaded; reload the page to try again.' }));
    return;
  }
  const slugs = Object.keys(state.papers).filter((slug) => index.papers[slug]);
  const groups: HTMLElement[] = [];
  for (const group of GROUPS) {
    const members = slugs
      .filter((slug) => {
        const entry = state.papers[slug]!;
        return group.key === 'starred' ? entry.starred && !entry.status : entry.status === group.key;
      })
      .sort((a, b) => index.papers[a]![0].localeCompare(index.papers[b]![0], 'en'));
    if (members.length === 0) continue;
    const id = `group-${group.key}`;
    const list = el('ol', { className: 'paper-list' });
    list.setAttribute('role', 'list');
    for (const slug of members) {
      const [title, themes, curation] = index.papers[slug]!;
      const href = pageHref(paperPath(slug));
      const item = el('li', { className: 'paper-item' });
      item.dataset['paper'] = slug;
      const themeLinks = themes.flatMap((i, n) => {
        const theme = index.themes[i];
        return theme ? [...(n > 0 ? [', '] : []), el('a', { href: theme.url, textContent: theme.title })] : [];
      });
      item.append(
        el('h3', { className: 'paper-item__title' }, el('a', { href, textContent: title })),
        el('p', { className: 'paper-item__meta' }, ...(themeLinks.length ? ['Themes: ', ...themeLinks] : [])),
        // The curator's word beside the reader's own (the badges renderBadges adds under the title).
        ...(curation && isCurated(curation) ? [curatorLine(curation)] : []),
      );
      list.append(item);
    }
    const heading = el('h2', { id, textContent: `${group.title} (${members.length})` });
    const section = el('section', {}, heading, list);
    section.setAttribute('aria-labelledby', id);
    groups.push(section);
  }
  const unknown = Object.keys(state.papers).length - slugs.length;
  if (groups.length === 0) {
    groups.push(
      el('p', {}, 'Your list is empty. Open a paper and mark it ', el('em', { textContent: 'to read' }), ', ', el('em', { textContent: 'reading' }), ' or ', el('em', { textContent: 'read' }), ', or star it; or import a list you exported.'),
    );
  }
  if (unknown > 0) groups.push(el('p', { className: 'muted', textContent: `${unknown} tracked ${unknown === 1 ? 'paper is' : 'papers are'} no longer on this site.` }));
  target.replaceChildren(...groups);
  renderBadges();
}

function setupMyList() {
  const root = document.querySelector<HTMLElement>('[data-my-list]');
  if (!root) return;
  const message = root.querySelector<HTMLElement>('[data-transfer-message]');
  const say = (text: string, isError = false) => {
    if (!message) return;
    message.textContent = text;
    message.classList.toggle('notice--error', isError);
  };

  root.querySelector('[data-export]')?.addEventListener('click', () => {
    const now = new Date();
    const blob = new Blob([serialiseState(state, now.toISOString())], { type: 'application/json' });
    const link = el('a', { href: URL.createObjectURL(blob), download: `reading-list-${now.toISOString().slice(0, 10)}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    const count = Object.keys(state.papers).length;
    say(`Exported ${count} ${count === 1 ? 'paper' : 'papers'}.`);
  });

  const form = root.querySelector<HTMLFormElement>('[data-import]');
  form?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = form.querySelector<HTMLInputElement>('input[type=file]');
    const file = input?.files?.[0];
    if (!file) {
      say('Choose a file to import first.', true);
      return;
    }
    const mode = new FormData(form).get('mode') === 'replace' ? 'replace' : 'merge';
    if (file.size > MAX_IMPORT_CHARS * 4) {
      say(`Nothing imported from ${file.name}: the file is too large to be a reading-list export.`, true);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      say(`Could not read ${file.name}.`, true);
      return;
    }
    let known: Set<string> | undefined;
    try {
      known = new Set(Object.keys((await paperIndex()).papers));
    } catch {
      known = undefined; // keep everything valid; unknown papers are listed as such
    }
    const result = parseState(text, { knownSlugs: known });
    if (!result.ok) {
      say(`Nothing imported from ${file.name}: ${result.error}`, true);
      return;
    }
    const count = Object.keys(result.state.papers).length;
    const skipped = result.skipped.length
      ? ` ${result.skipped.length} ${result.skipped.length === 1 ? 'entry was' : 'entries were'} skipped (${result.skipped.slice(0, 3).join('; ')}${result.skipped.length > 3 ? '; …' : ''}).`
      : '';
    // A file none of whose entries could be used does not empty the list (an empty export still does).
    if (mode === 'replace' && count === 0 && result.skipped.length > 0) {
      say(`Nothing imported from ${file.name}, and your list is unchanged: none of its entries could be used.${skipped}`, true);
      return;
    }
    const next = mode === 'replace' ? result.state : mergeStates(state, result.state);
    const stored = save(next);
    say(
      `${mode === 'replace' ? 'Replaced your list with' : 'Merged'} ${count} ${count === 1 ? 'paper' : 'papers'} from ${file.name}` +
        `${mode === 'merge' ? ' into your list' : ''}.${skipped}${stored ? '' : ' (Not saved: this browser does not allow storage.)'}`,
    );
    form.reset();
  });
}

// ---- light/dark toggle ------------------------------------------------------------------

function setupThemeToggle() {
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const root = document.documentElement;
  const current = () => (root.dataset['theme'] ?? (dark.matches ? 'dark' : 'light'));
  const buttons = document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]');
  const sync = () => buttons.forEach((button) => button.setAttribute('aria-pressed', String(current() === 'dark')));
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const next = current() === 'dark' ? 'light' : 'dark';
      root.dataset['theme'] = next;
      try {
        localStorage.setItem(THEME_KEY, next);
      } catch {
        /* the choice lasts for this page only */
      }
      sync();
    });
  }
  dark.addEventListener('change', sync);
  sync();
}

// ---- start --------------------------------------------------------------------------------

function renderAll() {
  renderBadges();
  renderControls();
  void renderProgress();
  void renderMyList();
}

setupThemeToggle();
setupControls();
setupMyList();
renderAll();
for (const node of document.querySelectorAll<HTMLElement>('[data-track-controls]')) node.hidden = false;
