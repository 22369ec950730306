/**
 * A real nginx (Debian's /usr/sbin/nginx) serving a built site folder under a
 * sub-path on 127.0.0.1, the way a plain static host would: started with its own
 * minimal configuration, pid, logs and temp folders in a temp folder, in the
 * foreground (`daemon off;`) as a child process, and stopped by `stop()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { normaliseBasePath } from './static-server.ts';

export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const SYSTEM_MIME_TYPES = '/etc/nginx/mime.types';

/** Types nginx's own list lacks or gets wrong for an Astro + Pagefind build. */
const EXTRA_TYPES: Record<string, string> = {
  wasm: 'application/wasm',
  pagefind: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
};

export interface NginxServer {
  /** Origin plus base path, e.g. `http://127.0.0.1:41234/reading-list/`. */
  url: string;
  origin: string;
  /** The access log (one line per request, `$status $request_uri`). */
  accessLog: string;
  /** Lines of the access log so far: `{ status, uri }`. */
  requests(): Promise<{ status: number; uri: string }[]>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, rejectPort) => {
    const probe = createServer();
    probe.once('error', rejectPort);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * The `types { ... }` block: /etc/nginx/mime.types with EXTRA_TYPES set (one
 * mapping per extension, so nginx warns about no duplicates).
 */
async function typesBlock(): Promise<string> {
  const byExtension = new Map<string, string>();
  const system = await readFile(SYSTEM_MIME_TYPES, 'utf8');
  const body = system.slice(system.indexOf('{') + 1, system.lastIndexOf('}'));
  for (const statement of body.split(';')) {
    const [type, ...extensions] = statement.replace(/#.*$/gm, '').trim().split(/\s+/);
    if (type) for (const extension of extensions) byExtension.set(extension, type);
  }
  for (const [extension, type] of Object.entries(EXTRA_TYPES)) byExtension.set(extension, type);
  const lines = [...byExtension].map(([extension, type]) => `    ${type} ${extension};`);
  return `types {\n${lines.join('\n')}\n  }`;
}

function configFor(options: { root: string; base: string; port: number; dir: string; types: string }): string {
  const { root, base, port, dir, types } = options;
  const asRoot = process.getuid?.() === 0;
  // Quoted paths: nginx reads "..." as one argument whatever it holds.
  const q = (path: string) => JSON.stringify(path);
  return `# Written by test/setup/nginx.ts for one test run.
${asRoot ? 'user root root;\n' : ''}daemon off;
master_process on;
worker_processes 1;
pid ${q(join(dir, 'nginx.pid'))};
error_log ${q(join(dir, 'error.log'))} warn;
events { worker_connections 256; }
http {
  ${types}
  default_type application/octet-stream;
  log_format plain '$status $request_uri';
  access_log ${q(join(dir, 'access.log'))} plain;
  client_body_temp_path ${q(join(dir, 'client_body'))};
  proxy_temp_path ${q(join(dir, 'proxy'))};
  fastcgi_temp_path ${q(join(dir, 'fastcgi'))};
  uwsgi_temp_path ${q(join(dir, 'uwsgi'))};
  scgi_temp_path ${q(join(dir, 'scgi'))};
  sendfile on;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    location ${base} {
      alias ${q(`${root}/`)};
      index index.html;
      error_page 404 ${base}404.html;
    }
  }
}
`;
}

async function waitForStart(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`nginx exited with ${child.exitCode ?? child.signalCode} at start:\n${output()}`);
    }
    const up = await fetch(url, { redirect: 'manual' }).then(
      async (response) => {
        await response.body?.cancel();
        return true;
      },
      () => false,
    );
    if (up) return;
    await new Promise((wait) => setTimeout(wait, 50));
  }
  throw new Error(`nginx did not answer on ${url} within 10s:\n${output()}`);
}

/** Serves `rootDir` at `basePath` (e.g. `/reading-list/`) from nginx on 127.0.0.1 at a free port. */
export async function serveWithNginx(rootDir: string, basePath: string): Promise<NginxServer> {
  if (!existsSync(NGINX_PATH)) {
    throw new Error(`no nginx at ${NGINX_PATH}: install Debian's nginx (apt-get install nginx; .ci/run does)`);
  }
  const base = normaliseBasePath(basePath);
  if (base === '/') throw new Error('serveWithNginx serves a site under a sub-path, e.g. /reading-list/');
  const dir = await mkdtemp(join(tmpdir(), 'reading-list-nginx-'));
  const types = await typesBlock();

  // The port comes free from the kernel and is handed to nginx: retry if another
  // process took it in between.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const configFile = join(dir, 'nginx.conf');
    await writeFile(configFile, configFor({ root: resolve(rootDir), base, port, dir, types }));
    // -e: the error log before the configuration is read (else Debian's /var/log/nginx/error.log).
    const child = spawn(NGINX_PATH, ['-p', dir, '-e', join(dir, 'error.log'), '-c', configFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    child.once('error', (error) => (output += `\n${error.message}`));
    try {
      await waitForStart(child, origin + base, () => output);
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      const log = await readFile(join(dir, 'error.log'), 'utf8').catch(() => '');
      if (attempt < 3 && /Address already in use/.test(output + log)) continue;
      await rm(dir, { recursive: true, force: true });
      if (error instanceof Error) error.message += log ? `\n${log}` : '';
      throw error;
    }

    const accessLog = join(dir, 'access.log');
    return {
      url: origin + base,
      origin,
      accessLog,
      async requests() {
        const text = await readFile(accessLog, 'utf8').catch(() => '');
        return text
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => {
            const space = line.indexOf(' ');
            return { status: Number(line.slice(0, space)), uri: line.slice(space + 1) };
          });
      },
      async stop() {
        if (child.exitCode === null && child.signalCode === null) {
          // SIGTERM: fast shutdown of the master and its worker.
          child.kill('SIGTERM');
          const killed = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(killed);
        }
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
}
