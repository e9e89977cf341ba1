// `npm start`: installs what is missing, builds, and opens seeds/ with the extension in VS Code.
// With a desktop `code` on PATH it starts that in extension-development mode; otherwise it packages
// the extension, installs it into an isolated code-server on 127.0.0.1 and prints the URL to open.
// Port: $PORT, else 8080, else any free port. Runs until Ctrl+C.
import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, portInUse, startCodeServer } from './code-server.mjs';
import { packageExtension } from './package.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const seeds = join(repoRoot, 'seeds');

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

async function choosePort() {
  if (process.env.PORT) {
    const port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT=${process.env.PORT} is not a port number`);
    return port;
  }
  return (await portInUse(8080)) ? freePort() : 8080;
}

async function startInCodeServer() {
  const vsix = packageExtension();
  console.log('> bash scripts/install-code-server.sh');
  const installDir = execFileSync('bash', [join(repoRoot, 'scripts', 'install-code-server.sh')], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .at(-1);
  const server = await startCodeServer({ installDir, installExtensions: [vsix], port: await choosePort() });
  // Slashes stay readable; anything else unusual in the path is escaped.
  const url = `${server.url}?folder=${encodeURI(seeds).replace(/[?#&]/g, encodeURIComponent)}`;
  console.log(`\nArticle Lens is running in VS Code (code-server). Open:\n\n  ${url}\n\nPress Ctrl+C to stop.`);

  const shutdown = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  const exit = await server.exited;
  console.error(`code-server stopped unexpectedly (${exit}):\n${server.output()}`);
  await server.stop();
  process.exit(1);
}

if (!existsSync(join(repoRoot, 'node_modules'))) run('npm', ['ci']);
run('node', ['esbuild.mjs']);
if (onPath('code')) {
  const args = [`--extensionDevelopmentPath=${repoRoot}`, seeds];
  console.log(`> code ${args.join(' ')}`);
  spawn('code', args, { cwd: repoRoot, stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  await startInCodeServer();
}
