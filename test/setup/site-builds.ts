/** One build of the site that the `site` tests check. */
export interface SiteBuild {
  /** Key under which build-site.ts provides its output folder. */
  name: string;
  /** Folder under test/.output/. */
  folder: string;
  /** URL prefix the site is deployed under, with leading and trailing slash. */
  basePath: string;
}

/** The site at the root of its host, and under a sub-path (`BASE_PATH=/reading-list`, as on a project page). */
export const BUILDS: SiteBuild[] = [
  { name: 'root', folder: 'dist', basePath: '/' },
  { name: 'base', folder: 'dist-base', basePath: '/reading-list/' },
];
