// Starts and stops code-server (VS Code in the browser, with the real extension host) for the
// end-to-end tests, with every folder it writes to kept inside one per-run directory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

/** test/e2e/harness: its publisher and name. */
const harnessExtensionId = 'integration-engineer-tests.integration-engineer-e2e-harness';

export interface Tools {
  node24: string;
  entry: string;
}

export interface RunDirs {
  root: string;
  home: string;
  tmp: string;
  data: string;
  extensions: string;
}

export interface CodeServer {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function findTools(repoRoot: string): Tools {
  const tools = join(repoRoot, '.tools');
  const found = { node24: join(tools, 'node24', 'bin', 'node'), entry: join(tools, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js') };
  for (const path of Object.values(found)) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run scripts/e2e/setup.sh first`);
  }
  return found;
}

export function makeRunDirs(root: string): RunDirs {
  const dirs = { root, home: join(root, 'home'), tmp: join(root, 'tmp'), data: join(root, 'data'), extensions: join(root, 'extensions') };
  for (const dir of [...Object.values(dirs), join(dirs.data, 'User')]) mkdirSync(dir, { recursive: true });
  return dirs;
}

export function writeUserSettings(dirs: RunDirs, extra: Record<string, unknown>): void {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'typescript.disableAutomaticTypeAcquisition': true,
    ...extra,
  };
  writeFileSync(join(dirs.data, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** HOME and TMPDIR point into the run so nothing lands in the real home or /tmp. */
function serverEnv(tools: Tools, dirs: RunDirs, extra: Record<string, string>): NodeJS.ProcessEnv {
  const path = `${join(tools.node24, '..')}:${process.env.PATH ?? ''}`;
  return { ...process.env, PATH: path, HOME: dirs.home, TMPDIR: dirs.tmp, XDG_CONFIG_HOME: join(dirs.home, '.config'), XDG_DATA_HOME: join(dirs.home, '.local', 'share'), ...extra };
}

function commonArgs(tools: Tools, dirs: RunDirs): string[] {
  return [tools.entry, '--user-data-dir', dirs.data, '--extensions-dir', dirs.extensions];
}

export function installExtension(tools: Tools, dirs: RunDirs, vsix: string): void {
  const result = spawnSync(tools.node24, [...commonArgs(tools, dirs), '--install-extension', vsix], { env: serverEnv(tools, dirs, {}), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The extension host and language servers are children of code-server: end the whole group. */
async function killGroup(pid: number): Promise<void> {
  if (!groupAlive(pid)) return;
  process.kill(-pid, 'SIGTERM');
  for (let waited = 0; waited < 5000 && groupAlive(pid); waited += 100) await sleep(100);
  if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // integration-engineer-disable-next-line retry-without-backoff -- polls a local server until it starts listening; a short fixed wait is what a start-up poll wants
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

export async function startCodeServer(tools: Tools, dirs: RunDirs, env: Record<string, string>): Promise<CodeServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  writeFileSync(join(dirs.root, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    ...commonArgs(tools, dirs),
    '--config', join(dirs.root, 'config.yaml'),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    // Lets a page run extension tests from its URL payload (and report the exit code).
    '--vscode-option', 'enable-smoke-test-driver',
    // The harness marks its stand-in chat model as the default, which needs a proposed API.
    '--enable-proposed-api', harnessExtensionId,
  ];
  const log = createWriteStream(join(dirs.root, 'code-server.log'));
  // detached: a new process group, so stop() can end every descendant at once.
  const child = spawn(tools.node24, args, { env: serverEnv(tools, dirs, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  const stop = (): Promise<void> => killGroup(pid);
  try {
    await waitForHealth(url, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, process: child, stop };
}
