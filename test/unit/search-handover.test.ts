import { describe, expect, test } from 'vitest';
import { OrderedHandover, type PagefindIndex } from '../../src/lib/build/search-index.ts';
import { isMarkedForSearch, pagePath } from '../../src/lib/build/search-handover.ts';

/** Records what Pagefind's index is handed, in order; a path in `failing` fails. */
function recordingIndex(failing: string[] = []): { index: PagefindIndex; handed: string[] } {
  const handed: string[] = [];
  const index = {
    addHTMLFile: async ({ sourcePath }: { sourcePath: string }) => {
      handed.push(sourcePath);
      return { errors: failing.includes(sourcePath) ? ['could not parse'] : [], file: undefined };
    },
  } as unknown as PagefindIndex;
  return { index, handed };
}

describe('OrderedHandover', () => {
  const paths = ['papers/b/index.html', 'papers/a-b/index.html', 'papers/a/index.html', 'papers/10/index.html', 'papers/9/index.html'];

  test('hands pages in path order whatever order they come in, each as soon as those before it came', async () => {
    const { index, handed } = recordingIndex();
    const handover = new OrderedHandover(index, paths);
    let all = false;
    void handover.handedAll.then(() => (all = true));
    handover.offer('papers/a/index.html', '<html>');
    expect(handed).toEqual([]);
    handover.offer('papers/9/index.html', '<html>');
    expect(handed).toEqual([]);
    handover.offer('papers/10/index.html', '<html>');
    expect(handed).toEqual(['papers/10/index.html', 'papers/9/index.html']);
    handover.offer('papers/b/index.html', '<html>');
    handover.offer('papers/a-b/index.html', '<html>');
    await handover.handedAll;
    expect(all).toBe(true);
    expect(handed).toEqual(['papers/10/index.html', 'papers/9/index.html', 'papers/a-b/index.html', 'papers/a/index.html', 'papers/b/index.html']);
    expect(await handover.finish()).toEqual([]);
  });

  test('finishing with a page never rendered throws, naming it', async () => {
    const handover = new OrderedHandover(recordingIndex().index, paths);
    for (const path of paths.slice(1)) handover.offer(path, '<html>');
    await expect(handover.finish()).rejects.toThrow('1 page(s) to index were never rendered: papers/b/index.html');
  });

  test('a page Pagefind could not index fails, naming it', async () => {
    const handover = new OrderedHandover(recordingIndex(['papers/a/index.html']).index, paths);
    for (const path of paths) handover.offer(path, '<html>');
    await expect(handover.finish()).rejects.toThrow('papers/a/index.html: could not parse');
  });

  test('a marked page not expected is returned by finish and not handed', async () => {
    const { index, handed } = recordingIndex();
    const handover = new OrderedHandover(index, ['papers/a/index.html']);
    handover.offer('papers/a/index.html', '<html>');
    handover.offer('about/index.html', '<html>');
    expect(await handover.finish()).toEqual(['about/index.html']);
    expect(handed).toEqual(['papers/a/index.html']);
  });

  test('a page offered twice fails, naming it, and is handed once', async () => {
    const { index, handed } = recordingIndex();
    const handover = new OrderedHandover(index, ['papers/a/index.html']);
    handover.offer('papers/a/index.html', '<html>');
    handover.offer('papers/a/index.html', '<html>');
    await expect(handover.finish()).rejects.toThrow('1 page(s) to index were rendered twice: papers/a/index.html');
    expect(handed).toEqual(['papers/a/index.html']);
  });

  test('with no page expected, all is handed at once', async () => {
    await expect(new OrderedHandover(recordingIndex().index, []).handedAll).resolves.toBeUndefined();
  });
});

test('pagePath: the file a page URL is written to, decoded', () => {
  expect(pagePath('/papers/x/')).toBe('papers/x/index.html');
  expect(pagePath('/papers/caf%C3%A9/')).toBe('papers/café/index.html');
  expect(pagePath('/')).toBe('index.html');
});

test('isMarkedForSearch: an element with data-pagefind-body, not the words in the text', () => {
  expect(isMarkedForSearch('<main id="main" tabindex="-1" data-pagefind-body>')).toBe(true);
  expect(isMarkedForSearch('<main data-pagefind-body="">')).toBe(true);
  expect(isMarkedForSearch('<div\n  data-pagefind-body\n>')).toBe(true);
  expect(isMarkedForSearch('<p>We mark the main element with data-pagefind-body so that…</p>')).toBe(false);
  expect(isMarkedForSearch('<p>&lt;main data-pagefind-body&gt;</p>')).toBe(false);
  expect(isMarkedForSearch('<main data-pagefind-bodyguard>')).toBe(false);
});
