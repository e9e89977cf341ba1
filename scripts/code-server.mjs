// Starts an isolated code-server (VS Code in the browser) on 127.0.0.1 for tests and for `npm start`.
// Everything it writes (HOME, XDG dirs, user data, extensions) lives in one temporary folder,
// so it never touches the user's own VS Code or code-server settings.
import { spawn, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.100.3';

const SETTINGS = {
  // The welcome page otherwise opens first and steals the keyboard.
  'workbench.startupEditor': 'none',
  'editor.hover.delay': 100,
  'security.workspace.trust.enabled': false,
};

/** The folder scripts/install-code-server.sh installs into (same cache and version rules). */
export function codeServerInstallDir() {
  const cache = process.env.ARTICLE_LENS_CACHE ?? join(homedir(), '.cache', 'article-lens');
  return join(cache, `code-server-${CODE_SERVER_VERSION}`);
}

function entryScript(installDir) {
  const entry = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) {
    throw new Error(`code-server is not installed in ${installDir}; run: bash scripts/install-code-server.sh`);
  }
  return entry;
}

/** Asks the OS for a port nobody listens on (the port is released again before code-server binds it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** True when something already accepts connections on 127.0.0.1:port. */
export function portInUse(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

// Inside a VS Code terminal these variables turn code-server into a client of that VS Code.
function isolatedEnv(home) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VSCODE_')));
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
  };
}

async function waitForHealth(url, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode}):\n${output.join('')}`);
    }
    try {
      const response = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms:\n${output.join('')}`);
}

function killGroup(child, signal) {
  try {
    // The negative pid reaches the whole group: code-server forks extension hosts and pty hosts.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts code-server and resolves once it answers /healthz.
 * @param {import('./code-server.d.mts').CodeServerOptions} [options]
 * @returns {Promise<import('./code-server.d.mts').RunningCodeServer>}
 */
export async function startCodeServer(options = {}) {
  const entry = entryScript(options.installDir ?? codeServerInstallDir());
  const root = await mkdtemp(join(tmpdir(), 'article-lens-code-server-'));
  const home = join(root, 'home');
  const userDataDir = join(root, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(root, 'extensions');
  await mkdir(join(userDataDir, 'User'), { recursive: true });
  await mkdir(home, { recursive: true });
  await mkdir(extensionsDir, { recursive: true });
  await writeFile(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...SETTINGS, ...options.settings }, null, 2),
  );
  const env = { ...isolatedEnv(home), ...options.env };
  const dirs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  const cleanupFolder = () => rm(root, { recursive: true, force: true, maxRetries: 3 });
  try {
    for (const vsix of options.installExtensions ?? []) {
      await promisify(execFile)(process.execPath, [entry, ...dirs, '--install-extension', vsix], {
        env,
        timeout: 60_000,
      });
    }
  } catch (error) {
    await cleanupFolder();
    throw error;
  }

  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(
    process.execPath,
    [
      entry,
      ...['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check'],
      ...['--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'],
      ...dirs,
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = [];
  const remember = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
    options.log?.(chunk.toString());
  };
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  child.stdout.on('data', remember);
  child.stderr.on('data', remember);
  // A last resort if the caller never reaches stop(): no code-server outlives this process.
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.on('exit', killOnExit);

  let stopped;
  const stop = () => {
    stopped ??= (async () => {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      // Children that ignored SIGTERM (extension hosts) must not keep files open in the folder.
      killGroup(child, 'SIGKILL');
      await cleanupFolder();
    })();
    return stopped;
  };

  try {
    await waitForHealth(url, child, output, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, userDataDir, extensionsDir, exited, output: () => output.join(''), stop };
}
