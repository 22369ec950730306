/**
 * .github/workflows/deploy.yml (not run here): it parses as YAML, and says what
 * GitHub Pages needs: build on push to main, `npm ci` and `npm run build` with
 * SITE_URL and BASE_PATH, upload dist/ as the Pages artifact, deploy it after.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';

const file = join(import.meta.dirname, '..', '..', '.github', 'workflows', 'deploy.yml');
const text = await readFile(file, 'utf8');
const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  [key: string]: unknown;
}
interface Job {
  'runs-on'?: unknown;
  needs?: string | string[];
  environment?: string | { name?: string; url?: string };
  steps?: Step[];
  [key: string]: unknown;
}
interface Workflow {
  name?: string;
  on?: unknown;
  permissions?: Record<string, string>;
  concurrency?: { group?: string; 'cancel-in-progress'?: unknown } | string;
  jobs?: Record<string, Job>;
}
const workflow = document.toJS() as Workflow;
const jobs = workflow.jobs ?? {};
const steps = (job: string) => jobs[job]?.steps ?? [];
/** The first step of `job` that uses the action `action` (any version). */
const stepUsing = (job: string, action: string) => steps(job).find((step) => step.uses?.split('@')[0] === action);

/** Keys GitHub accepts on a step and on a job (the ones a typo would miss). */
const STEP_KEYS = new Set(['id', 'if', 'name', 'uses', 'run', 'working-directory', 'shell', 'with', 'env', 'continue-on-error', 'timeout-minutes']);
const JOB_KEYS = new Set([
  'name', 'permissions', 'needs', 'if', 'runs-on', 'environment', 'concurrency', 'outputs', 'env', 'defaults',
  'steps', 'timeout-minutes', 'strategy', 'continue-on-error', 'container', 'services', 'uses', 'with', 'secrets',
]);

describe('.github/workflows/deploy.yml', () => {
  test('is YAML without errors or warnings (no duplicate keys), a mapping of workflow keys', () => {
    expect(document.errors.map(String)).toEqual([]);
    expect(document.warnings.map(String)).toEqual([]);
    expect(Object.keys(workflow).sort()).toEqual(['concurrency', 'jobs', 'name', 'on', 'permissions']);
  });

  test('runs on a push to main and by hand', () => {
    const on = workflow.on as Record<string, unknown>;
    expect(Object.keys(on).sort()).toEqual(['push', 'workflow_dispatch']);
    const push = on.push as { branches?: string[] };
    expect(push.branches).toContain('main');
  });

  test('has the permissions Pages needs, and no more', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  });

  test('deploys one at a time (concurrency group pages)', () => {
    expect(workflow.concurrency).toMatchObject({ group: 'pages' });
  });

  test('has a build job and a deploy job that needs it, both well formed', () => {
    expect(Object.keys(jobs).sort()).toEqual(['build', 'deploy']);
    const needs = jobs.deploy.needs;
    expect(Array.isArray(needs) ? needs : [needs]).toEqual(['build']);
    for (const [name, job] of Object.entries(jobs)) {
      expect(Object.keys(job).filter((key) => !JOB_KEYS.has(key)), `unknown keys of job ${name}`).toEqual([]);
      expect(typeof job['runs-on'], `runs-on of job ${name}`).toBe('string');
      expect(job.steps?.length, `steps of job ${name}`).toBeGreaterThan(0);
      for (const step of job.steps ?? []) {
        const label = `${name}: ${step.name ?? JSON.stringify(step)}`;
        expect(Object.keys(step).filter((key) => !STEP_KEYS.has(key)), `unknown keys of step ${label}`).toEqual([]);
        // Exactly one of uses/run; an action is pinned to a version.
        expect([typeof step.uses, typeof step.run].filter((type) => type === 'string'), `uses or run in ${label}`).toHaveLength(1);
        if (step.uses) expect(step.uses, label).toMatch(/^[\w.-]+\/[\w.-]+@\S+$/);
      }
    }
  });

  test('build: checks out, sets up Node from .nvmrc with the npm cache, runs npm ci then npm run build with SITE_URL and BASE_PATH', async () => {
    expect(steps('build')[0].uses).toMatch(/^actions\/checkout@/);
    const node = stepUsing('build', 'actions/setup-node');
    expect(node?.with).toMatchObject({ 'node-version-file': '.nvmrc', cache: 'npm' });
    expect((await readFile(join(import.meta.dirname, '..', '..', '.nvmrc'), 'utf8')).trim()).toMatch(/^\d+/);

    const runs = steps('build').map((step) => step.run?.trim());
    const install = runs.indexOf('npm ci');
    const build = runs.indexOf('npm run build');
    expect(install, 'a step runs npm ci').toBeGreaterThan(steps('build').indexOf(node!));
    expect(build, 'a step runs npm run build, after npm ci').toBeGreaterThan(install);
    expect(steps('build')[build].env).toEqual({
      SITE_URL: 'https://${{ github.repository_owner }}.github.io',
      BASE_PATH: '/${{ github.event.repository.name }}',
    });
  });

  test('build uploads dist/ as the Pages artifact, after building it', () => {
    const upload = stepUsing('build', 'actions/upload-pages-artifact');
    expect(upload?.with?.path).toBe('dist');
    const runs = steps('build').map((step) => step.run?.trim());
    expect(steps('build').indexOf(upload!)).toBeGreaterThan(runs.indexOf('npm run build'));
  });

  test('deploy: the github-pages environment, actions/deploy-pages', () => {
    const { environment } = jobs.deploy;
    expect(typeof environment === 'string' ? environment : environment?.name).toBe('github-pages');
    const deploy = stepUsing('deploy', 'actions/deploy-pages');
    expect(deploy).toBeDefined();
    // The environment's URL is the one deploy-pages reports.
    if (typeof environment === 'object' && environment.url) {
      expect(environment.url).toBe(`\${{ steps.${deploy?.id}.outputs.page_url }}`);
    }
  });

  test('every ${{ }} expression is closed', () => {
    const opened = text.match(/\$\{\{/g)?.length ?? 0;
    expect(text.match(/\$\{\{[^{}]*\}\}/g)?.length ?? 0).toBe(opened);
  });
});
