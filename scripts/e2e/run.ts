// End-to-end run of the packaged extension in a real VS Code (code-server 4.139.1 = VS Code
// 1.139.1): installs integration-engineer.vsix into a fresh per-run profile, runs the
// extension-host suite through the smoke-test driver, then the Playwright UI checks, and
// always ends code-server's whole process group. Exit code 0 only when nothing failed.
// Run through `npm run test:e2e` (which builds, packages and runs setup.sh first).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startFakeAnthropic, type FakeAnthropic } from '../../test/chat/fakeAnthropic.js';
import {
  askAboutSelectionRedacts,
  chatInsertsCodeAtCursor,
  chatRejectedKeyOffersSetKey,
  chatStopKeepsPartialAnswer,
  chatStreamsAnswer,
  chatViewParticipantAnswers,
  chatWithoutKeyOffersSetKey,
  crashRestartRestoresFindings,
  integrationsViewListsSystems,
  lightBulbOffersFixFirst,
  openWorkbench,
  squiggleCoversLoopHead,
  squiggleOnToken,
  streamedAnswer,
  UiSkip,
  type UiContext,
} from '../../test/e2e/ui.js';
import { findTools, installExtension, makeRunDirs, startCodeServer, writeUserSettings, type CodeServer, type RunDirs } from './codeServer.js';

const repoRoot = resolve(__dirname, '../..');
const vsix = join(repoRoot, 'integration-engineer.vsix');
const fixture = join(repoRoot, 'test/e2e/fixtures/workspace');
const harness = join(repoRoot, 'test/e2e/harness');
const chromiumPath = '/usr/bin/chromium';
const extensionHostTimeoutMs = 180_000;
const fakeApiKey = 'sk-ant-e2e-fake-key';
const keptRuns = 3;

type Status = 'passed' | 'failed' | 'skipped';
interface Result {
  name: string;
  status: Status;
  detail?: string;
}

const results: Result[] = [];
const started = Date.now();
const elapsed = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (line: string): void => console.log(`[e2e] ${line}`);

function record(result: Result): void {
  results.push(result);
  const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[result.status];
  say(`${mark} ${result.name}${result.detail ? ` — ${result.detail}` : ''}`);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function bundleSuite(dirs: RunDirs): Promise<string> {
  const outfile = join(dirs.root, 'suite', 'extensionHost.js');
  await esbuild.build({ entryPoints: [join(repoRoot, 'test/e2e/suite/extensionHost.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
  return outfile;
}

function copyWorkspace(dirs: RunDirs, name: string): string {
  const target = join(dirs.root, name);
  cpSync(fixture, target, { recursive: true });
  return target;
}

function remoteUri(server: CodeServer, path: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${path}`;
}

/** The extension-host suite: the page's payload starts it, the workbench reports its exit code. */
async function runExtensionHostSuite(browser: BrowserContext, server: CodeServer, dirs: RunDirs, suite: string): Promise<void> {
  const workspace = copyWorkspace(dirs, 'ws-extension-host');
  const resultsFile = join(dirs.root, 'extension-host-results.json');
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, harness)],
    ['extensionTestsPath', remoteUri(server, suite)],
    ['extensionEnvironment', JSON.stringify({ IE_E2E_RESULTS: resultsFile })],
  ];
  const page = await browser.newPage();
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  let reportExit: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolveExit) => (reportExit = resolveExit));
  await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
  const since = Date.now();
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  say(`extension-host window loaded in ${elapsed(since)}`);
  let code: number;
  try {
    code = await withTimeout(exitCode, extensionHostTimeoutMs, 'the extension-host suite');
  } finally {
    await page.close().catch(() => undefined);
  }
  say(`extension-host suite exited with ${code} after ${elapsed(since)}`);
  if (!existsSync(resultsFile)) {
    const tail = consoleLines.filter((line) => line.includes('[e2e]') || /error/i.test(line)).slice(-20).join('\n');
    record({ name: 'extension-host suite', status: 'failed', detail: `no results file (exit ${code}); console:\n${tail}` });
    return;
  }
  const reported = JSON.parse(readFileSync(resultsFile, 'utf8')) as { outcomes: Result[] };
  for (const outcome of reported.outcomes) record({ ...outcome, name: `[extension host] ${outcome.name}` });
  if (code !== 0 && !reported.outcomes.some((o) => o.status === 'failed')) record({ name: 'extension-host suite', status: 'failed', detail: `exit code ${code}` });
}

async function uiCheck(name: string, page: Page, context: UiContext, check: (page: Page, context: UiContext) => Promise<string>): Promise<void> {
  const since = Date.now();
  try {
    const detail = await check(page, context);
    record({ name: `[ui] ${name} (${elapsed(since)})`, status: 'passed', detail });
  } catch (error) {
    if (error instanceof UiSkip) return record({ name: `[ui] ${name}`, status: 'skipped', detail: error.message });
    const screenshot = join(context.screenshots, `failed-${name.replace(/\W+/g, '-')}.png`);
    await page.screenshot({ path: screenshot }).catch(() => undefined);
    record({ name: `[ui] ${name}`, status: 'failed', detail: `${(error as Error).message}\n  screenshot: ${screenshot}` });
  }
}

async function runUiChecks(browser: BrowserContext, server: CodeServer, dirs: RunDirs, fake: FakeAnthropic): Promise<void> {
  const screenshots = join(dirs.root, 'screenshots');
  mkdirSync(screenshots, { recursive: true });
  const context: UiContext = { browser, baseUrl: server.url, workspace: copyWorkspace(dirs, 'ws-ui'), screenshots, fake, apiKey: fakeApiKey, harness: remoteUri(server, harness) };
  const since = Date.now();
  // First, before any key is stored: a window whose extension host has no ANTHROPIC_API_KEY.
  const noKeyPage = await openWorkbench(context, copyWorkspace(dirs, 'ws-no-key'), { ANTHROPIC_API_KEY: '' });
  await uiCheck('without an API key the chat disables Send and offers Set API Key', noKeyPage, context, chatWithoutKeyOffersSetKey);
  await noKeyPage.close();
  const page = await openWorkbench(context);
  say(`workbench loaded in ${elapsed(since)}`);
  await uiCheck('the hardcoded token has an error squiggle with our hover', page, context, squiggleOnToken);
  await uiCheck('the retry loop\'s two findings are drawn under its `while (true)` only', page, context, squiggleCoversLoopHead);
  await uiCheck('Ctrl+. on a finding opens the light-bulb menu with its fix first', page, context, lightBulbOffersFixFirst);
  await uiCheck('the chat panel shows the streamed answer', page, context, chatStreamsAnswer);
  await uiCheck('Stop keeps the partial answer, marks it stopped and closes the request', page, context, chatStopKeepsPartialAnswer);
  await uiCheck('Insert at Cursor puts an answer\'s code block into the editor', page, context, chatInsertsCodeAtCursor);
  await uiCheck('a rejected key (401) shows its message with Set API Key, which sets the key', page, context, chatRejectedKeyOffersSetKey);
  await uiCheck('Ask About Selection sends the selected code with the token redacted', page, context, askAboutSelectionRedacts);
  await uiCheck('@integration /review answers in VS Code\'s Chat view', page, context, chatViewParticipantAnswers);
  await uiCheck('the Integrations view lists the systems with their health, and a call site opens', page, context, integrationsViewListsSystems);
  // Last: it restarts the window's language server.
  await uiCheck('a killed language server is restarted and the squiggles and Scan Workspace findings come back', page, context, crashRestartRestoresFindings);
  say(`UI checks took ${elapsed(since)}`);
  await page.close();
}

/** Each run leaves ~60 MB (profiles, the installed extension): keep only the latest few. */
function pruneOldRuns(parent: string): void {
  if (!existsSync(parent)) return;
  const runs = readdirSync(parent).filter((name) => name.startsWith('e2e-')).sort();
  for (const name of runs.slice(0, Math.max(0, runs.length - (keptRuns - 1)))) rmSync(join(parent, name), { recursive: true, force: true });
}

async function main(): Promise<number> {
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
  const tools = findTools(repoRoot);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  pruneOldRuns(join(repoRoot, 'test/.tmp'));
  const dirs = makeRunDirs(join(repoRoot, 'test/.tmp', `e2e-${stamp}`));
  say(`run directory ${dirs.root}`);

  const fake = await startFakeAnthropic([{ kind: 'stream', chunks: streamedAnswer, chunkDelayMs: 150 }]);
  writeUserSettings(dirs, { 'integrationEngineer.chat.baseUrl': fake.baseUrl });
  let since = Date.now();
  installExtension(tools, dirs, vsix);
  const suite = await bundleSuite(dirs);
  say(`installed the .vsix and bundled the suite in ${elapsed(since)}`);

  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  const stopAll = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await fake.close();
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    say(`${signal}: stopping`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    since = Date.now();
    server = await startCodeServer(tools, dirs, { ANTHROPIC_API_KEY: fakeApiKey });
    say(`code-server ${server.url} ready in ${elapsed(since)}`);
    browser = await chromium.launchPersistentContext(join(dirs.root, 'chromium-profile'), {
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      await runExtensionHostSuite(browser, server, dirs, suite);
    } catch (error) {
      record({ name: 'extension-host suite', status: 'failed', detail: (error as Error).message });
    }
    try {
      await runUiChecks(browser, server, dirs, fake);
    } catch (error) {
      record({ name: 'UI checks', status: 'failed', detail: (error as Error).message });
    }
  } finally {
    await stopAll();
  }
  const count = (status: Status): number => results.filter((r) => r.status === status).length;
  say(`finished in ${elapsed(started)} (logs: ${dirs.root})`);
  // The closing line alone, in the plain form CI reads.
  console.log(`e2e: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
  return count('failed') > 0 || results.length === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[e2e] ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
