// npm run bench [-- --quick | --memory]: the performance figures of issue 15, in one run, on this machine.
// 1. keystrokes through the real server over stdio (didChange → its publishDiagnostics), against
//    a fresh parse of the same file; 2. RSS of the server after opening and closing 200 large
//    documents; 3. a scan of 15 pinned npm packages' sources, against the one-core parse floor;
//    4. the same corpus through ESLint 9 with security plugins and through secretlint (--quick
//    skips them); 5. server start to first diagnostics, client bundle load, .vsix size.
// Packages are installed with npm into ~/.cache/integration-engineer-bench, never the repo.
// Prints a table, writes .bench/results.json. Targets are judged here, never in a timed test.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, homedir, totalmem } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The flags the extension starts its server with (client/src/languageClient.ts): the bench measures that process. */
const SERVER_EXEC_ARGV = JSON.parse(readFileSync(join(ROOT, 'server/src/shared/server-process.json'), 'utf8')).execArgv;
const CACHE = join(homedir(), '.cache', 'integration-engineer-bench');
const quick = process.argv.includes('--quick');
/** Only the open-and-close measurement (a minute, where the whole run takes many). */
const memoryOnly = process.argv.includes('--memory');
const { analyzeForBench, parseAndWalk, initPython, parsePythonOnly } = require('../dist/bench.js');
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter, PublishDiagnosticsNotification } = require('vscode-languageserver-protocol/node');

/** The corpus of issue 15: JS/TS sources of these packages at these versions. */
const CORPUS = ['axios@1.21.1', 'got@14.6.6', 'node-fetch@3.3.2', 'undici@7.30.2', 'stripe@23.1.0', '@octokit/rest@22.0.1', '@slack/web-api@8.2.0', 'twilio@6.2.0', 'express@5.3.0', 'koa@3.3.0', 'fastify@5.12.8', 'jsonwebtoken@9.0.3', 'jose@6.2.17', 'superagent@10.4.2', '@sendgrid/mail@8.1.6'];
/** The peers, pinned so runs compare. */
// typescript-eslint's parser is how ESLint reads the corpus's .ts files, as any TypeScript project runs it.
const PEERS = ['eslint@9.39.5', '@typescript-eslint/parser@8.74.0', 'eslint-plugin-security@4.1.0', 'eslint-plugin-no-secrets@2.3.3', '@microsoft/eslint-plugin-sdl@1.1.0', 'secretlint@12.0.0', '@secretlint/secretlint-rule-preset-recommend@12.0.0'];
const CODE = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx']);

const round = (value, digits = 1) => +value.toFixed(digits);
const mb = (bytes) => round(bytes / 1024 / 1024);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const log = (line) => process.stderr.write(`${line}\n`);

// ---- Generated documents

const unit = (i) => `
import axios from 'axios';
const client${i} = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
export async function load${i}(id: string) {
  const res = await fetch(\`https://api.example.com/items/\${id}\`, { signal: AbortSignal.timeout(3000) });
  if (!res.ok) throw new Error(String(res.status));
  const body = await res.json();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await client${i}.get('/x/' + body.id);
    } catch (error) {
      await new Promise((r) => setTimeout(r, 2 ** attempt * 100));
    }
  }
  console.log('done', { id });
}
`;

function fileOf(lines) {
  const units = [];
  for (let i = 0, count = 0; count < lines; i++) {
    units.push(unit(i));
    count += 16;
  }
  return units.join('').split('\n').slice(0, lines).join('\n') + '\n';
}

/** Python integration code of about `lines` lines: a client with a retried call and a webhook view per unit. */
function pythonFileOf(lines) {
  const units = ['import time\n\nimport requests\nfrom flask import Flask, request\n\napp = Flask(__name__)\n\n'];
  for (let i = 0, count = 7; count < lines; i++) {
    const unit = `
class PartnerClient${i}:
    def fetch_orders(self, page):
        for attempt in range(3):
            try:
                response = requests.get(f"https://api.partner${i}.example/orders?page={page}", timeout=10)
                response.raise_for_status()
                return response.json()
            except requests.RequestException:
                time.sleep(2 ** attempt)
        raise RuntimeError("partner unavailable")


@app.post("/webhooks/partner${i}")
def partner_webhook_${i}():
    return {"received": request.get_json()["id"]}
`;
    units.push(unit);
    count += unit.split('\n').length - 1;
  }
  return units.join('').split('\n').slice(0, lines).join('\n') + '\n';
}

// ---- The server over stdio

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) * 1024;
}

class Server {
  constructor() {
    this.started = performance.now();
    this.child = spawn(process.execPath, [...SERVER_EXEC_ARGV, join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.waiters = [];
    this.analysisMs = [];
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && (waiter.version === undefined || params.version === waiter.version)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification('integrationEngineer/analysisTime', (params) => this.analysisMs.push(params.milliseconds));
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
    this.connection.listen();
  }

  async initialize(folder) {
    await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }], capabilities: {} });
    await this.connection.sendNotification('initialized', {});
  }

  diagnostics(uri, version) {
    return new Promise((resolvePromise) => this.waiters.push({ uri, version, resolve: resolvePromise }));
  }

  async open(uri, text, version = 1) {
    const published = this.diagnostics(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version, text } });
    return published;
  }

  close(uri) {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  get rss() {
    return rssOf(this.child.pid);
  }

  /** The measurements are taken: no orderly shutdown needed. */
  async stop() {
    this.connection.dispose();
    this.child.kill();
  }
}

/** The median of `runs` timed runs after a warm-up; each run gets its own name (`warmup`, then 0, 1, …) for work that must not reuse a cached parse. */
function medianMs(run, runs = 5) {
  run('warmup');
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run(i);
    times.push(performance.now() - started);
  }
  return percentile(times.sort((a, b) => a - b), 50);
}

function freshParseMs(name, text) {
  return medianMs(() => parseAndWalk(name, text), 15);
}

/** One character typed at `line`, `column`: the new text and the change the client sends. */
function typed(text, line, column) {
  const at = text.split('\n', line).join('\n').length + 1 + column;
  return { text: text.slice(0, at) + 'x' + text.slice(at), change: { range: { start: { line, character: column }, end: { line, character: column } }, text: 'x' } };
}

/**
 * The documents typed in, 200 times each: TypeScript of three sizes at a line's start; 2,000 lines
 * of Python inside a URL string (the file stays valid: the last tree and copy are reused) and at a
 * line's start (a syntax error: parsed afresh, so the editor's findings are the CLI's).
 */
const KEYSTROKE_CASES = [
  ...[200, 2_000, 10_000].map((lines) => ({ lines, extension: 'ts', text: fileOf(lines), column: () => 0, parseMs: (text) => freshParseMs(`fresh-${lines}.ts`, text) })),
  ...[['inside a string', (line) => line.indexOf('orders?page')], ['at a line start (syntax error)', () => 0]].map(([edit, column]) => ({ lines: 2_000, extension: 'py', language: 'python', edit, text: pythonFileOf(2_000), column, parseMs: (text) => medianMs(() => parsePythonOnly(text), 15) })),
];

async function keystrokes(folder) {
  const rows = [];
  for (const { lines, extension, language, edit, text: initial, column, parseMs } of KEYSTROKE_CASES) {
    const server = new Server();
    await server.initialize(folder);
    const path = join(folder, `keys-${lines}.${extension}`);
    const uri = pathToFileURL(path).href;
    let text = initial;
    await server.open(uri, text);
    server.analysisMs.length = 0;
    const latencies = [];
    // The middle of the file, or the first line after it the edit fits in.
    let line = Math.floor(lines / 2);
    while (column(text.split('\n')[line]) < 0) line++;
    for (let version = 2; version <= 201; version++) {
      const next = typed(text, line, column(text.split('\n')[line]));
      text = next.text;
      const published = server.diagnostics(uri, version);
      const started = performance.now();
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [next.change] });
      await published;
      latencies.push(performance.now() - started);
    }
    await server.stop();
    const withDebounce = latencies.sort((a, b) => a - b);
    const analysis = server.analysisMs.sort((a, b) => a - b);
    const parse = parseMs(text);
    rows.push({
      lines, ...(language ? { language, edit } : {}), edits: 200, freshParseMs: round(parse),
      withDebounce: { p50: round(percentile(withDebounce, 50)), p95: round(percentile(withDebounce, 95)), p99: round(percentile(withDebounce, 99)) },
      analysisOnly: { p50: round(percentile(analysis, 50)), p95: round(percentile(analysis, 95)), p99: round(percentile(analysis, 99)) },
      p50OverParse: round(percentile(analysis, 50) / parse, 2),
      p95OverParse: round(percentile(analysis, 95) / parse, 2),
    });
    log(`keystrokes ${lines} lines${language ? ` of ${language}, ${edit}` : ''}: done`);
  }
  return rows;
}

/** The server's health answer once it has released the closed documents' memory (it does so when closes have been quiet). */
async function afterRelease(server) {
  for (let asked = 0; asked < 600; asked++) {
    const health = await server.connection.sendRequest('integrationEngineer/health');
    if (health?.memoryReleases > 0) return health;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return undefined;
}

async function openAndClose(folder) {
  const server = new Server();
  await server.initialize(folder);
  const small = pathToFileURL(join(folder, 'first.ts')).href;
  await server.open(small, "fetch('https://api.example.com/x');\n");
  const startRss = server.rss;
  const text = fileOf(2_000);
  const uris = Array.from({ length: 200 }, (_, i) => pathToFileURL(join(folder, `open-${i}.ts`)).href);
  for (const uri of uris) await server.open(uri, text);
  const openRss = server.rss;
  for (const uri of uris) await server.close(uri);
  // The closes are answered with empty diagnostics; the server then gives the memory back once
  // closes have been quiet, and the pages it frees are unmapped a moment later.
  await server.open(small, 'export {};\n', 2);
  const health = await afterRelease(server);
  await new Promise((settle) => setTimeout(settle, 1_000));
  const closedRss = server.rss;
  await server.stop();
  return {
    documents: 200, linesEach: 2_000, startMb: mb(startRss), openMb: mb(openRss), afterCloseMb: mb(closedRss), afterCloseOverStart: round(closedRss / startRss, 2),
    afterCloseHeapUsedMb: health ? mb(health.heapUsed) : 'no memory release within 60 s',
  };
}

const memoryLine = (memory) => `200 documents of 2,000 lines: RSS ${memory.startMb} MB at start, ${memory.openMb} MB open, ${memory.afterCloseMb} MB after closing (${memory.afterCloseOverStart} × start); heap in use after closing ${memory.afterCloseHeapUsedMb} MB`;

async function firstDiagnostics(folder) {
  const server = new Server();
  const uri = pathToFileURL(join(folder, 'start.ts')).href;
  await server.initialize(folder);
  await server.open(uri, "fetch('http://api.example.com/x');\n");
  const ms = performance.now() - server.started;
  await server.stop();
  return round(ms);
}

// ---- The corpus

function npmInstall(folder, specs) {
  const marker = join(folder, 'installed.json');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === JSON.stringify(specs)) return;
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'bench', private: true }));
  log(`npm install into ${folder} …`);
  execFileSync('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...specs], { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(marker, JSON.stringify(specs));
}

function* codeFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* codeFiles(path);
    } else if (entry.isFile() && CODE.has(extname(entry.name)) && !/\.d\.[cm]?ts$/.test(entry.name)) yield path;
  }
}

/** The packages' own JS/TS files (no dependencies, no .d.ts), copied where a scan walks (not under node_modules). */
function corpus() {
  const folder = join(CACHE, 'corpus');
  npmInstall(folder, CORPUS);
  const sources = join(CACHE, 'corpus-src');
  const files = [];
  if (!existsSync(join(sources, '.complete'))) {
    rmSync(sources, { recursive: true, force: true });
    for (const spec of CORPUS) {
      const name = spec.slice(0, spec.lastIndexOf('@'));
      for (const path of codeFiles(join(folder, 'node_modules', name))) {
        const target = join(sources, name, path.slice(join(folder, 'node_modules', name).length + 1));
        mkdirSync(dirname(target), { recursive: true });
        cpSync(path, target);
      }
    }
    writeFileSync(join(sources, '.complete'), '');
  }
  let bytes = 0;
  for (const path of codeFiles(sources)) {
    files.push(path);
    bytes += statSync(path).size;
  }
  return { sources, files, bytes };
}

/** Wall time and peak RSS (whole process, its threads included) of a Node CLI run. */
function timedNode(args, cwd) {
  const report = join(CACHE, `rss-${process.pid}.txt`);
  const preload = join(CACHE, 'peak-rss.cjs');
  writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS * 1024)));\n`);
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--require', preload, ...args], { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  const peak = existsSync(report) ? Number(readFileSync(report, 'utf8')) : NaN;
  rmSync(report, { force: true });
  return { wallS: round(wallMs / 1000, 2), peakRssMb: mb(peak), exit: run.status, ...(run.status !== 0 && run.status !== 1 ? { error: run.stderr.slice(-300) } : {}) };
}

function parseFloor(files) {
  const started = performance.now();
  for (const path of files) parseAndWalk(path, readFileSync(path, 'utf8'));
  return (performance.now() - started) / 1000;
}

function peers(sources) {
  const folder = join(CACHE, 'peers');
  npmInstall(folder, PEERS);
  // ESLint given --config lints only files below the folder it runs in: it runs in the corpus, the config imports the plugins from the peers' folder.
  const plugin = (name) => JSON.stringify(pathToFileURL(createRequire(join(folder, 'package.json')).resolve(name)).href);
  const config = join(CACHE, 'eslint.config.mjs');
  writeFileSync(config, `import security from ${plugin('eslint-plugin-security')};
import noSecrets from ${plugin('eslint-plugin-no-secrets')};
import sdl from ${plugin('@microsoft/eslint-plugin-sdl')};
import tsParser from ${plugin('@typescript-eslint/parser')};
// SDL's no-insecure-random throws on require(variable) (express's lib/view.js), which stops the whole run: it is left out.
const rules = { ...security.configs.recommended.rules, 'no-secrets/no-secrets': 'error', ...Object.fromEntries(Object.keys(sdl.rules).filter((id) => id !== 'no-insecure-random').map((id) => ['@microsoft/sdl/' + id, 'error'])) };
const shared = { linterOptions: { reportUnusedDisableDirectives: 'off' }, plugins: { security, 'no-secrets': noSecrets, '@microsoft/sdl': sdl }, rules };
export default [
  { files: ['**/*.{js,mjs,cjs,jsx}'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' }, ...shared },
  { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' }, ...shared },
];
`);
  writeFileSync(join(folder, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const eslint = timedNode([join(folder, 'node_modules/eslint/bin/eslint.js'), '--config', config, '--no-ignore', '--format', 'json', '--output-file', join(folder, 'eslint-out.json'), '.'], sources);
  const secretlint = timedNode([join(folder, 'node_modules/secretlint/bin/secretlint.js'), '--secretlintrc', join(folder, '.secretlintrc.json'), '--format', 'json', '--output', join(folder, 'secretlint-out.json'), `${sources}/**/*`], folder);
  return { eslint, secretlint };
}

// ---- Packaging

function vsixSize() {
  const out = join(CACHE, 'bench.vsix');
  rmSync(out, { force: true });
  spawnSync('node', ['scripts/build.mjs', '--production'], { cwd: ROOT, stdio: 'ignore' });
  const run = spawnSync(join(ROOT, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  // Leaves the development build (source maps) the tests and the CLI in a checkout expect.
  spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  return existsSync(out) ? mb(statSync(out).size) : `failed: ${run.stderr.slice(0, 200)}`;
}

/** Loading the client bundle, which is what activation costs before the server starts (vscode stubbed). */
function clientLoadMs() {
  const script = `const Module = require('module'); const load = Module._load;
// Any member of the stub is another stub. The bundle copies an import's own keys and inherits the rest from its prototype, so the prototype is a stub too.
const stub = () => new Proxy(function () {}, { get: (_, key) => (key === 'then' || typeof key === 'symbol' ? undefined : stub()), apply: () => stub(), construct: () => stub(), getPrototypeOf: () => stub() });
Module._load = function (request, ...rest) { return request === 'vscode' ? stub() : load.call(this, request, ...rest); };
const started = performance.now(); require(${JSON.stringify(join(ROOT, 'dist/client.js'))}); console.log(performance.now() - started);`;
  const times = [];
  for (let i = 0; i < 5; i++) times.push(Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()));
  return round(percentile(times.sort((a, b) => a - b), 50));
}

// ---- The run

const startedAll = performance.now();
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: round(totalmem() / 1024 ** 3), node: process.version, platform: process.platform };
log(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);
const work = join(CACHE, 'documents');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

if (memoryOnly) {
  console.log(memoryLine(await openAndClose(work)));
  process.exit(0);
}

const engine = [500, 2_000, 10_000].map((lines) => {
  const text = fileOf(lines);
  return { lines, analyseMedianMs: round(medianMs((name) => analyzeForBench(`bench-${name}.ts`, text))), freshParseMs: round(freshParseMs(`p-${lines}.ts`, text)) };
});
await initPython();
const pythonText = pythonFileOf(2_000);
engine.push({ lines: 2_000, language: 'python', analyseMedianMs: round(medianMs((name) => analyzeForBench(`bench-${name}.py`, pythonText))), freshParseMs: round(medianMs(() => parsePythonOnly(pythonText))) });
log('engine in-process: done');
/** Written after each section too, so a run cut short still leaves what it measured. */
const partial = { date: new Date().toISOString(), machine, quick, engine };
const save = (section, value) => {
  partial[section] = value;
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  writeFileSync(join(ROOT, '.bench/results.json'), JSON.stringify(partial, null, 2));
  log(`${section}: ${JSON.stringify(value)}`);
  return value;
};
const keys = save('keystrokes', await keystrokes(work));
const memory = save('openClose', await openAndClose(work));
log('open/close 200 documents: done');
const firstDiagnosticsMs = await firstDiagnostics(work);

const { sources, files, bytes } = corpus();
const scan = timedNode([join(ROOT, 'dist/cli.js'), 'scan', '--format', 'json', sources], sources);
const floorS = parseFloor(files);
const scanRow = save('scan', { files: files.length, mb: mb(bytes), wallS: scan.wallS, filesPerS: Math.round(files.length / scan.wallS), mbPerS: round(mb(bytes) / scan.wallS), peakRssMb: scan.peakRssMb, exit: scan.exit, parseFloorS: round(floorS, 2), overParseFloor: round(scan.wallS / floorS, 2) });
log('corpus scan: done');
const peerRows = quick ? undefined : save('peerRuns', peers(sources));
if (peerRows) log('peers: done');
/** A measurement that failed is reported as such; the run's other figures stand. */
const attempt = (measure) => {
  try {
    return measure();
  } catch (error) {
    return `failed: ${String(error?.message ?? error).split('\n')[0]}`;
  }
};
const activation = { clientBundleLoadMs: attempt(clientLoadMs), firstDiagnosticsMs, vsixMb: attempt(vsixSize) };

const results = { date: new Date().toISOString(), machine, quick, engine, keystrokes: keys, openClose: memory, scan: scanRow, activation, totalS: round((performance.now() - startedAll) / 1000) };
if (peerRows) {
  results.peers = Object.fromEntries(Object.entries(peerRows).map(([name, run]) => [name, { wallS: run.wallS, peakRssMb: run.peakRssMb, exit: run.exit, oursFasterBy: round(run.wallS / scan.wallS, 1) }]));
}

const table = (header, rows) => [header, ...rows].map((row) => row.map((cell, i) => String(cell).padStart(i === 0 ? 0 : 10)).join(' ')).join('\n');
console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}\n`);
console.log('keystrokes through the server (ms; with debounce = didChange to its diagnostics, analysis = the server\'s own time)');
console.log(table(['lines     ', 'parse', 'deb p50', 'deb p95', 'deb p99', 'an p50', 'an p95', 'an p99', 'p50/parse', 'p95/parse'], keys.map((r) => [`${r.lines}${r.language ? ` ${r.language}, ${r.edit}` : ''}`.padEnd(10), r.freshParseMs, r.withDebounce.p50, r.withDebounce.p95, r.withDebounce.p99, r.analysisOnly.p50, r.analysisOnly.p95, r.analysisOnly.p99, r.p50OverParse, r.p95OverParse])));
console.log(`\nengine in-process, fresh analysis (median ms): ${engine.map((r) => `${r.lines} lines${r.language ? ` of ${r.language}` : ''} ${r.analyseMedianMs} (parse ${r.freshParseMs})`).join('; ')}`);
console.log(`\n${memoryLine(memory)}`);
console.log(`\nscan of ${scanRow.files} files (${scanRow.mb} MB): ${scanRow.wallS} s, ${scanRow.filesPerS} files/s, ${scanRow.mbPerS} MB/s, peak RSS ${scanRow.peakRssMb} MB; one-core parse floor ${scanRow.parseFloorS} s (scan = ${scanRow.overParseFloor} × floor)`);
for (const [name, row] of Object.entries(results.peers ?? {})) console.log(`  ${name}: ${row.wallS} s, peak RSS ${row.peakRssMb} MB (exit ${row.exit}): ours ${row.oursFasterBy} × faster`);
console.log(`\nclient bundle load ${activation.clientBundleLoadMs} ms; server start to first diagnostics ${activation.firstDiagnosticsMs} ms; .vsix ${activation.vsixMb} MB`);
console.log(`total ${results.totalS} s`);
mkdirSync(join(ROOT, '.bench'), { recursive: true });
writeFileSync(join(ROOT, '.bench/results.json'), JSON.stringify(results, null, 2));
console.log('wrote .bench/results.json');
