/**
 * SITE_URL and BASE_PATH are checked before anything is built (src/lib/build/deployment.ts):
 * one message per wrong value, naming the variable with an example; a build without
 * SITE_URL says which outputs will point at localhost.
 */
import { describe, expect, test } from 'vitest';
import { basePath, deploymentProblems, LOCAL_SITE, localSiteNotice, siteUrl } from '../../src/lib/build/deployment.ts';

describe('deploymentProblems', () => {
  test.each([
    [{}],
    [{ SITE_URL: '', BASE_PATH: '' }],
    [{ SITE_URL: 'https://lab.example.org', BASE_PATH: '/reading-list' }],
    [{ SITE_URL: 'http://localhost:8080/', BASE_PATH: 'reading-list/' }],
    [{ SITE_URL: ' https://owner.github.io ', BASE_PATH: '/group/my_repo.v2~' }],
    [{ BASE_PATH: '/' }],
  ])('accepts %o', (env) => {
    expect(deploymentProblems(env)).toEqual([]);
  });

  test.each([
    ['lab.example.org', 'SITE_URL=lab.example.org is not an http(s) address: write it with its scheme, e.g. SITE_URL=https://lab.example.org'],
    ['localhost:4321', 'SITE_URL=localhost:4321 is not an http(s) address: write it with its scheme, e.g. SITE_URL=https://localhost:4321'],
    ['ftp://files.example.org', 'SITE_URL=ftp://files.example.org is not an http(s) address: write it with its scheme, e.g. SITE_URL=https://files.example.org'],
    ['https://x.org/lab', 'SITE_URL=https://x.org/lab holds more than the origin: SITE_URL is the scheme and host only, and a sub-path goes in BASE_PATH, e.g. SITE_URL=https://x.org BASE_PATH=/lab'],
    ['https://x.org/?a=1', 'SITE_URL=https://x.org/?a=1 holds more than the origin: SITE_URL is the scheme and host only, and a sub-path goes in BASE_PATH, e.g. SITE_URL=https://x.org'],
  ])('names SITE_URL=%s with the fix', (value, message) => {
    expect(deploymentProblems({ SITE_URL: value })).toEqual([message]);
  });

  test.each([
    ['https://x.org/lab', 'BASE_PATH=https://x.org/lab is an address, not a path: BASE_PATH is the sub-path alone and the origin goes in SITE_URL, e.g. SITE_URL=https://x.org BASE_PATH=/lab'],
    ['/my lab', 'BASE_PATH=/my lab is not a plain path: use letters, digits, - . _ and ~ between slashes, e.g. BASE_PATH=/reading-list'],
    ['/a//b', 'BASE_PATH=/a//b is not a plain path: use letters, digits, - . _ and ~ between slashes, e.g. BASE_PATH=/reading-list'],
    ['/../lab', 'BASE_PATH=/../lab is not a plain path: use letters, digits, - . _ and ~ between slashes, e.g. BASE_PATH=/reading-list'],
    ['/:slug', 'BASE_PATH=/:slug is not a plain path: use letters, digits, - . _ and ~ between slashes, e.g. BASE_PATH=/reading-list'],
  ])('names BASE_PATH=%s with the fix', (value, message) => {
    expect(deploymentProblems({ BASE_PATH: value })).toEqual([message]);
  });

  test('gives one message for each wrong variable', () => {
    const problems = deploymentProblems({ SITE_URL: 'lab.example.org', BASE_PATH: 'https://x.org/lab' });
    expect(problems.map((problem) => problem.split('=')[0])).toEqual(['SITE_URL', 'BASE_PATH']);
  });
});

describe('the values astro.config.mjs uses', () => {
  test('basePath: a leading slash, none at the end; `/` when unset', () => {
    expect([basePath('/reading-list'), basePath('reading-list/'), basePath(undefined), basePath(' / ')]).toEqual(['/reading-list', '/reading-list', '/', '/']);
  });

  test('siteUrl: SITE_URL, or localhost when unset or blank', () => {
    expect([siteUrl('https://lab.example.org'), siteUrl(undefined), siteUrl(' ')]).toEqual(['https://lab.example.org', LOCAL_SITE, LOCAL_SITE]);
  });
});

describe('localSiteNotice', () => {
  test('names every output that holds the localhost address, and how to set SITE_URL', () => {
    const notice = localSiteNotice({});
    for (const output of ['RSS feeds', 'sitemap', 'canonical links', '.bib', '.ris', '.csl.json', 'papers.json', LOCAL_SITE, 'SITE_URL=https://']) {
      expect(notice).toContain(output);
    }
  });

  test('says nothing when SITE_URL is set', () => {
    expect(localSiteNotice({ SITE_URL: 'https://lab.example.org' })).toBeUndefined();
  });
});
