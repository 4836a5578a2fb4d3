// Fuzzes the engine and the CLI with a fixed seed, so every failure replays (issue 18).
// Inputs: mutations of the fixtures, eval and example files (byte flips, truncation, splices,
// BOM / NUL / lone surrogates / lone CR), random code units, 1–10 MB lines, deep nesting of every
// bracket kind, templates and JSX, long chains, every supported file kind; a planted key in half.
// Each goes through `analyze()` (in a worker a watchdog can stop); slices go through the built CLI
// and the built language server (opened as documents over stdio).
// A compiler parse that runs past the product's parse limit is stopped as the editor and the CLI
// stop it (the worker is terminated): the input counts as not analysed, its text checks judged.
// Counts escapes (exceptions out of analyze), hangs (over 2 s), silent drops (a file neither
// analysed nor reported as not analysed, or a planted key not reported) and peak RSS; prints a
// table; exits 1 on any escape, hang or silent drop.
// Run: npm run fuzz [-- --seed 18 --count 5000 --cli 300 --server 300] (the slices need `npm run build`)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The engine's TypeScript modules, through tsx's require hook (it holds in worker threads, unlike `--import tsx`). */
async function loadServer() {
  const { register } = await import('tsx/cjs/api');
  register();
  const require = createRequire(import.meta.url);
  // Python files are parsed by tree-sitter's WebAssembly build, loaded once per process.
  await require('../server/src/engine/python/tree.ts').initPython();
  return {
    ...require('../server/src/engine/analyze.ts'),
    ...require('../server/src/rules/index.ts'),
    ...require('../server/src/config/resolve.ts'),
    ...require('../server/src/engine/files.ts'),
    ...require('../server/src/inventory/collectFile.ts'),
    ...require('../server/src/engine/progress.ts'),
    ...require('../server/src/workspace/watchdog.ts'),
    ...require('../server/src/workspace/analyzeFile.ts'),
  };
}
/**
 * Over 2 s of CPU, plus 2 s per MB of input, is a hang: the time budget (1.5 s of wall time by
 * default) stops the rules wherever they are, but the parse and the text readers are linear work
 * it does not cut (about 1–2 s per MB here).
 */
export const HANG_MS = 2_000;
const PER_MB_MS = 2_000;
const hangLimit = (chars) => HANG_MS + PER_MB_MS * (chars / 1_000_000);
/** A worker silent this long is stuck in one input: it is stopped and the input counted as a hang. */
const WATCHDOG_MS = 60_000;
const CLI_BATCH = 50;
const KEY = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');

/** Every file name kind the engine knows, and two it skips by design (`.env`, `.d.ts`). */
const NAMES = [
  'a.ts', 'a.tsx', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'a.mts', 'a.cts', 'a.d.ts', 'a.yaml', 'a.yml', 'docker-compose.yml',
  'a.json', 'a.jsonc', 'a.json5', 'a.toml', 'a.properties', 'a.ini', 'a.cfg', 'a.conf', 'a.tf', 'a.tfvars', 'a.hcl',
  'a.sh', 'a.bash', 'a.py', '.env.example', '.env', '.npmrc', 'Dockerfile', 'a.dockerfile', 'a.md', 'a.txt',
];
const CODE_NAMES = ['a.ts', 'a.tsx', 'a.js', 'a.jsx'];

/** mulberry32: small, fast, and the same sequence everywhere. */
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below) => Math.floor(next() * below);
  return { next, int, pick: (list) => list[int(list.length)], logInt: (low, high) => Math.floor(Math.exp(Math.log(low) + next() * (Math.log(high) - Math.log(low)))) };
}

function corpusFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : corpusFiles(path);
    return statSync(path).size < 200_000 ? [path] : [];
  });
}

export function loadCorpus() {
  const dirs = ['eval', 'examples', 'test/fixtures', 'test/e2e/fixtures'].map((dir) => join(ROOT, dir));
  return dirs.flatMap(corpusFiles).sort().map((path) => ({ name: path.split(sep).pop(), text: readFileSync(path, 'utf8') }));
}

const MUTATIONS = {
  flip: (text, r) => splice(text, r.int(text.length + 1), 1, String.fromCharCode(r.next() < 0.5 ? r.int(128) : r.int(0x10000))),
  truncate: (text, r) => text.slice(0, r.int(text.length + 1)),
  splice: (text, r, corpus) => {
    const other = r.pick(corpus).text;
    const start = r.int(other.length + 1);
    return splice(text, r.int(text.length + 1), 0, other.slice(start, start + r.int(2_000)));
  },
  remove: (text, r) => splice(text, r.int(text.length + 1), r.int(500), ''),
  repeat: (text, r) => {
    const start = r.int(text.length + 1);
    return splice(text, start, 0, text.slice(start, start + r.int(300)).repeat(1 + r.int(20)));
  },
  bom: (text) => `\ufeff${text}`,
  nul: (text, r) => splice(text, r.int(text.length + 1), 0, '\0'),
  surrogate: (text, r) => splice(text, r.int(text.length + 1), 0, r.pick(['\ud800', '\udfff', '\udbff\u0041'])),
  loneCr: (text, r) => (text.includes('\n') && r.next() < 0.7 ? text.replace(/\n/g, (nl) => (r.next() < 0.3 ? '\r' : nl)) : splice(text, r.int(text.length + 1), 0, '\r')),
};

function splice(text, at, remove, insert) {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

/** Depths from shallow to far past the parser's stack (about 800 for parentheses). */
const depth = (r) => r.pick([10, 100, 500, 800, 1_000, 2_000, 5_000, 20_000, 100_000]);

const NESTINGS = {
  parentheses: ['x = ', '(', '1', ')', ';'],
  objects: ['x = ', '{a:', '1', '}', ';'],
  arrays: ['x = ', '[', '1', ']', ';'],
  templates: ['x = ', '`${', '1', '}`', ';'],
  jsx: ['x = ', '<a>', 'b', '</a>', ';'],
  blocks: ['', '{', '', '}', ''],
  calls: ['', 'f(', '1', ')', ';'],
  generics: ['type T = ', 'A<', 'B', '>', ';'],
  functions: ['x = ', 'function () { return ', '1', '; }', ';'],
  arrows: ['x = ', '() => (', '1', ')', ';'],
  conditionals: ['x = ', 'a ? (', '1', ') : 0', ';'],
  jsonArrays: ['', '[', '1', ']', ''],
  jsonObjects: ['', '{"a":', '1', '}', ''],
  yamlLists: ['', '- ', 'x', '', ''],
};

const CHAINS = {
  sum: (n) => `x = ${'a + '.repeat(n)}a;`,
  concat: (n) => `log.info(${"'a' + ".repeat(n)}token);`,
  members: (n) => `x = fetch${'.b'.repeat(n)};`,
  elements: (n) => `x = a${'[0]'.repeat(n)};`,
  calls: (n) => `fetch${'()'.repeat(n)};`,
  optional: (n) => `x = a${'?.b'.repeat(n)};`,
  promises: (n) => `axios${'.get(u).then((r) => r)'.repeat(n)};`,
  statements: (n) => 'fetch(u);\n'.repeat(n),
  // Every call of these asks about the chain before it (is it a route, a logger, an ack?).
  routes: (n) => `app${'.post(u, (req, res) => res.send(req.body))'.repeat(n)};`,
  acks: (n) => `channel.consume('q', (msg) => { channel${'.ack(msg).then(() => msg)'.repeat(n)}; });`,
  signs: (n) => `const token = new SignJWT(claims)${'.setIssuer(i).sign(key)'.repeat(n)};`,
};

/**
 * 1–10 MB on one line: the shapes real files have (data URIs, blobs in config, long names).
 * Minified code stops at 1 MB, the default maxFileSize: the compiler's parse of it cannot be
 * interrupted, so the size limit is what bounds it (a 7 MB bundle parses for seconds).
 */
const HUGE_LINES = {
  string: (n, r) => `const data = '${base64(n, r)}';`,
  comment: (n, r) => `// ${base64(n, r)}`,
  template: (n, r) => `const html = \`${base64(n, r)}\`;`,
  identifier: (n) => `const ${'a'.repeat(n)} = 1;`,
  minified: (n) => 'var a=b(c);'.repeat(Math.ceil(Math.min(n / 10, 1_000_000) / 11)),
  yamlValue: (n, r) => `blob: ${base64(n, r)}`,
  jsonValue: (n, r) => `{"blob": "${base64(n, r)}"}`,
  words: (n) => 'token secret password '.repeat(Math.ceil(n / 22)),
};

function base64(n, r) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const chunk = Array.from({ length: 4_096 }, () => alphabet[r.int(64)]).join('');
  return chunk.repeat(Math.ceil(n / chunk.length)).slice(0, n);
}

/** Input `index` of the run with `seed`: the same input in the full run and in any slice. */
export function makeInput(seed, index, corpus) {
  const r = generator(Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77));
  const roll = r.next();
  let family;
  let name;
  let text;
  if (roll < 0.55) {
    family = 'mutation';
    const source = r.pick(corpus);
    name = r.next() < 0.25 ? r.pick(NAMES) : source.name;
    text = source.text;
    const kinds = Object.keys(MUTATIONS);
    for (let i = 1 + r.int(4); i > 0; i--) text = MUTATIONS[r.pick(kinds)](text, r, corpus);
  } else if (roll < 0.65) {
    family = 'random';
    name = r.pick(NAMES);
    const units = r.logInt(1, 20_000);
    text = String.fromCharCode(...Array.from({ length: units }, () => (r.next() < 0.7 ? r.int(128) : r.int(0x10000))));
  } else if (roll < 0.83) {
    family = 'nesting';
    const kind = r.pick(Object.keys(NESTINGS));
    const [before, open, inner, close, after] = NESTINGS[kind];
    const n = depth(r);
    name = kind.startsWith('json') ? 'a.json' : kind === 'yamlLists' ? 'a.yaml' : kind === 'jsx' ? r.pick(['a.jsx', 'a.tsx']) : r.pick(CODE_NAMES);
    const closing = r.next() < 0.8 ? close.repeat(n) + after : '';
    text = kind === 'yamlLists' ? Array.from({ length: Math.min(n, 5_000) }, (_, i) => `${' '.repeat(i)}- x`).join('\n') : `${before}${open.repeat(n)}${inner}${closing}\n`;
  } else if (roll < 0.93) {
    family = 'chain';
    name = r.pick(CODE_NAMES);
    text = `${CHAINS[r.pick(Object.keys(CHAINS))](r.logInt(10, 20_000))}\n`;
  } else if (roll < 0.95) {
    family = 'huge line';
    const shape = r.pick(Object.keys(HUGE_LINES));
    name = shape.startsWith('yaml') ? 'a.yaml' : shape.startsWith('json') ? 'a.json' : shape === 'words' ? r.pick(['a.md', 'a.txt', 'a.yaml', 'a.py', 'a.sh', '.npmrc']) : r.pick(CODE_NAMES);
    text = HUGE_LINES[shape](1_000_000 + r.int(9_000_000), r);
  } else {
    family = 'file kinds';
    name = r.pick(NAMES);
    text = r.pick(corpus).text;
  }
  // Half the inputs carry a real-looking key on a line of its own: it must always be reported.
  const planted = r.next() < 0.5;
  if (planted) text = `${CODE_NAMES.some((code) => name.endsWith(code.slice(1))) ? `const stripeKey = '${KEY}';` : KEY}\n${text}`;
  return { index, family, name, text, planted };
}

/** What one input came to, as the CLI and the editor would see it. */
function judge(input, result) {
  if (result.skipped) return { outcome: 'skipped', drop: false };
  const plantedAt = input.text.indexOf(KEY);
  const covers = (f) => f.ruleId === 'hardcoded-credential' && f.start <= plantedAt && plantedAt < f.end;
  const keyReported = !input.planted || result.findings.some(covers) || result.suppressed.some(({ finding }) => covers(finding));
  // Over the time budget depends on the machine's load: another run (the CLI's, the server's) may finish in time.
  const timed = /^over the time budget/.test(result.notAnalysed ?? '');
  return { outcome: result.notAnalysed ? 'not analysed' : 'analysed', timed, drop: !keyReported, reason: keyReported ? undefined : 'planted key not reported' };
}

// ---- Worker: runs inputs [from, to) through analyze() (and the integration map after it) and reports each.

async function work({ seed, from, to }) {
  const { analyzeThen, collectFileInventory, rules, configModel, toAnalysisSettings, observeParses } = await loadServer();
  observeParses({ parsing: (chars) => parentPort.postMessage({ parsing: chars }), parsed: () => parentPort.postMessage({ parsed: true }) });
  const corpus = loadCorpus();
  for (let index = from; index < to; index++) {
    const input = makeInput(seed, index, corpus);
    parentPort.postMessage({ started: { index, family: input.family, name: input.name, bytes: input.text.length } });
    const settings = toAnalysisSettings(configModel.defaults, input.name);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    let report;
    try {
      // The integration map runs after the rules, as a scan with `map` runs it: it may run out of budget, never fail.
      const { result, extraFailure } = analyzeThen(rules, input.name, input.text, settings, collectFileInventory);
      const mapFailure = extraFailure && extraFailure !== 'over the time budget' ? [`integration map: ${extraFailure}`] : [];
      report = { ...judge(input, result), failures: [...result.failures.map((f) => `${f.ruleId}: ${f.error?.message ?? f.error}`), ...mapFailure] };
    } catch (error) {
      report = { outcome: 'escape', drop: false, failures: [], reason: String(error?.stack ?? error).split('\n').slice(0, 3).join(' | ') };
    }
    const cpu = process.cpuUsage(cpuBefore);
    // The CPU time decides a hang: on a shared machine the wall clock also counts the neighbours' work.
    parentPort.postMessage({ done: { index, family: input.family, name: input.name, bytes: input.text.length, ms: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - started, ...report } });
  }
}

if (!isMainThread && workerData?.fuzz) await work(workerData);

// ---- Main: the watchdog, the CLI slice, the table.

/** `stoppedRow(input, reason)`: the row of an input whose parse the watchdog stopped at the parse limit. */
function runWorkers(seed, count, onResult, { parseLimitMs, stoppedRow }) {
  return new Promise((resolveAll, reject) => {
    const start = (from) => {
      if (from >= count) return resolveAll();
      let current = from;
      let currentInput = { index: from, family: '?', name: '?', bytes: 0 };
      let startedAny = false;
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { fuzz: true, seed, from, to: count }, execArgv: [] });
      let timer;
      let parseTimer;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          // Stuck in one input: that input is a hang; a fresh worker goes on after it.
          onResult({ ...currentInput, ms: WATCHDOG_MS, outcome: 'stopped', drop: false, failures: [], reason: `no answer in ${WATCHDOG_MS} ms` });
          void worker.terminate();
          start(current + 1);
        }, WATCHDOG_MS);
      };
      arm();
      worker.on('message', (message) => {
        arm();
        clearTimeout(parseTimer);
        if ('parsing' in message) {
          const limit = parseLimitMs(message.parsing);
          parseTimer = setTimeout(() => {
            clearTimeout(timer);
            void worker.terminate();
            onResult(stoppedRow(currentInput, limit));
            start(current + 1);
          }, limit);
        } else if ('parsed' in message) {
          // The rules run on; only the compiler's parse has the shorter limit.
        } else if ('started' in message) {
          currentInput = message.started;
          current = currentInput.index;
          startedAny = true;
        } else {
          onResult(message.done);
        }
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        clearTimeout(parseTimer);
        // A worker that cannot even load the engine is the harness's failure, not an input's.
        if (!startedAny) return reject(error);
        onResult({ ...currentInput, ms: 0, outcome: 'escape', drop: false, failures: [], reason: `worker died: ${error.message}` });
        start(current + 1);
      });
      worker.on('exit', () => {
        clearTimeout(timer);
        clearTimeout(parseTimer);
        if (current === count - 1) resolveAll();
      });
    };
    start(0);
  });
}

/**
 * A slice of the inputs (every `step`-th) through the built CLI, in batches of temp folders:
 * each file must show up as findings, as not analysed, or as skipped with a message, whenever
 * analyze() had something to say about it.
 */
/** Skipped on purpose: local .env files, declarations, and binary content under a name that says nothing about it. */
function skippedByDesign(input, classifyFile) {
  const kind = classifyFile(input.name);
  return kind.kind === 'skip' || (kind.kind === 'text' && kind.text === 'other' && input.text.slice(0, 8_000).includes('\0'));
}

/**
 * Whether what analyze() made of an input must show: a file it could not analyse, or one with
 * the planted key. A file stopped by time (the budget, the parse limit) may be analysed in time
 * elsewhere, and then show nothing if it has nothing to show.
 */
const shouldShow = (input, known) => (known ? (known.outcome === 'not analysed' && !known.timed && !known.parseStopped) || known.planted : input.planted);

async function runCli(seed, picks, corpus, expected) {
  const { classifyFile } = await loadServer();
  const rows = [];
  for (let b = 0; b < picks.length; b += CLI_BATCH) {
    const folder = mkdtempSync(join(tmpdir(), 'ie-fuzz-'));
    const batch = picks.slice(b, b + CLI_BATCH).map((index) => {
      const input = makeInput(seed, index, corpus);
      const path = join(folder, String(index), input.name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, input.text);
      return { input, relativePath: relative(folder, path).split(sep).join('/') };
    });
    const started = performance.now();
    const run = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'scan', '--format', 'json', '.'], { cwd: folder, encoding: 'utf8', timeout: 10 * 60_000, maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - started;
    let entries = [];
    try {
      entries = JSON.parse(run.stdout);
    } catch {
      // An unparsable answer: every file of the batch is counted below.
    }
    const crashed = run.error || ![0, 1, 2].includes(run.status ?? -1) || /\n\s+at /.test(run.stderr);
    for (const { input, relativePath } of batch) {
      const mine = entries.filter((entry) => entry.path === relativePath);
      const mentioned = mine.length > 0 || run.stderr.includes(`${relativePath}`);
      rows.push({
        index: input.index,
        family: 'CLI',
        bytes: input.text.length,
        ms: ms / batch.length,
        outcome: crashed ? 'escape' : mine.some((entry) => entry.notAnalysed) ? 'not analysed' : mentioned ? 'analysed' : 'skipped',
        drop: !crashed && shouldShow(input, expected.get(input.index)) && !mentioned && !skippedByDesign(input, classifyFile),
        failures: [],
        reason: crashed ? `CLI exit ${run.status}: ${run.stderr.slice(0, 300)}` : undefined,
      });
    }
    rmSync(folder, { recursive: true, force: true });
  }
  return rows;
}

/** Parses stopped at the limit allowed per input (2 of 5,000 with seed 18: the compiler's exponential nestings). */
const PARSE_STOPPED_SHARE = 1 / 1_000;

/** How long the server slice waits for an opened document's diagnostics. */
const SERVER_WAIT_MS = 30_000;

/**
 * A slice of the inputs through the built language server over stdio, opened one at a time as
 * an editor opens files: each must come back as published diagnostics, with something to show
 * whenever analyze() had something to say (a `not-analysed` diagnostic or findings), the planted
 * key reported whenever analyze() reported it, and the server still up for the next.
 */
async function runServer(seed, picks, corpus, expected) {
  const { classifyFile } = await loadServer();
  const { createProtocolConnection, StreamMessageReader, StreamMessageWriter, PublishDiagnosticsNotification } = createRequire(import.meta.url)('vscode-languageserver-protocol/node');
  const child = spawn(process.execPath, [join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let exit;
  child.on('exit', (code, signal) => (exit = `the server exited (${signal ?? code}): ${stderr.slice(-300)}`));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let waiting;
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (waiting && params.uri === waiting.uri && params.version === 1) waiting.resolve(params.diagnostics);
  });
  connection.listen();
  const folder = mkdtempSync(join(tmpdir(), 'ie-fuzz-lsp-'));
  const rows = [];
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'fuzz' }], capabilities: {} });
    await connection.sendNotification('initialized', {});
    for (const index of picks) {
      const input = makeInput(seed, index, corpus);
      const uri = pathToFileURL(join(folder, String(index), input.name)).href;
      const started = performance.now();
      let timer;
      const diagnostics = exit ? undefined : await new Promise((resolve) => {
        waiting = { uri, resolve };
        timer = setTimeout(() => resolve(undefined), SERVER_WAIT_MS);
        connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: input.text } }).catch(() => resolve(undefined));
      });
      clearTimeout(timer);
      const ms = performance.now() - started;
      if (!exit) await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      const known = expected.get(index);
      // A suppression comment the mutation brought in may hide the key in the editor; analyze() counts it as reported.
      const keyExpected = input.planted && known && !known.drop && known.outcome !== 'skipped' && !input.text.includes('integration-engineer-disable');
      const keyShown = diagnostics?.some((d) => d.code === 'hardcoded-credential' && d.range.start.line === 0);
      const escaped = exit !== undefined;
      rows.push({
        index,
        family: 'server',
        bytes: input.text.length,
        ms: diagnostics ? ms : Math.max(ms, SERVER_WAIT_MS),
        outcome: escaped ? 'escape' : !diagnostics ? 'stopped' : diagnostics.some((d) => d.code === 'not-analysed') ? 'not analysed' : diagnostics.length > 0 ? 'analysed' : 'skipped',
        drop: !escaped && !!diagnostics && ((keyExpected && !keyShown) || (shouldShow(input, known) && diagnostics.length === 0 && !skippedByDesign(input, classifyFile))),
        failures: [],
        reason: escaped ? exit : !diagnostics ? `no diagnostics within ${SERVER_WAIT_MS} ms` : undefined,
      });
    }
  } finally {
    connection.dispose();
    child.kill();
    rmSync(folder, { recursive: true, force: true });
  }
  return rows;
}

// A parse stopped at the parse limit is the product's own bound, as in the editor and the CLI: not analysed, not a hang.
// The server's CPU per document cannot be read from outside: there a hang is no diagnostics within SERVER_WAIT_MS.
const isHang = (row) => (row.family === 'server' ? row.outcome === 'stopped' : !row.parseStopped && row.ms > hangLimit(row.bytes));

function table(rows, elapsedMs) {
  const families = [...new Set(rows.map((row) => row.family))];
  const header = ['family', 'inputs', 'analysed', 'not analysed', 'of which parse stopped', 'skipped', 'escapes', 'hangs', 'silent drops', 'rule failures', 'max CPU ms', 'max wall ms'];
  const lines = families.map((family) => {
    const mine = rows.filter((row) => row.family === family);
    const count = (test) => mine.filter(test).length;
    return [family, mine.length, count((r) => r.outcome === 'analysed'), count((r) => r.outcome === 'not analysed'), count((r) => r.parseStopped), count((r) => r.outcome === 'skipped'), count((r) => r.outcome === 'escape'), count(isHang), count((r) => r.drop), count((r) => r.failures.length > 0), Math.round(Math.max(...mine.map((r) => r.ms))), Math.round(Math.max(...mine.map((r) => r.wallMs ?? r.ms)))];
  });
  const totals = header.map((_, column) => (column === 0 ? 'total' : column >= header.length - 2 ? Math.max(...lines.map((line) => line[column])) : lines.reduce((sum, line) => sum + line[column], 0)));
  const all = [header, ...lines, totals];
  const widths = header.map((_, column) => Math.max(...all.map((line) => String(line[column]).length)));
  const format = (line) => line.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ');
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  return `${[format(header), ...lines.map(format), format(totals)].join('\n')}\nhang: over ${HANG_MS} ms of CPU plus ${PER_MB_MS / 1000} s per MB of input; parse stopped: the compiler's parse ran past the product's parse limit and was stopped as the editor and the CLI stop it; CLI rows: wall time per file of its batch; server rows: wall time from opening to the diagnostics, a hang when none come within ${SERVER_WAIT_MS / 1000} s\npeak RSS ${rss} MB, ${Math.round(elapsedMs / 1000)} s\n`;
}

/** Runs `count` inputs through analyze(), `cli` of them through the CLI and `server` through the language server; returns the rows and the table. */
export async function runFuzz({ seed = 18, count = 5_000, cli = 300, server = 300 } = {}) {
  const started = performance.now();
  const rows = [];
  const corpus = loadCorpus();
  const { parseLimitMs, stoppedAnalysis, rules, configModel, toAnalysisSettings } = await loadServer();
  const stoppedRow = (current, limit) => {
    const input = makeInput(seed, current.index, corpus);
    const reason = `the parser did not finish within ${Math.round(limit)} ms`;
    const result = stoppedAnalysis(rules, input.name, input.text, toAnalysisSettings(configModel.defaults, input.name), reason);
    return { ...current, ms: limit, wallMs: limit, parseStopped: true, failures: [], ...judge(input, result), reason };
  };
  await runWorkers(seed, count, (row) => rows.push(row), { parseLimitMs, stoppedRow });
  rows.sort((a, b) => a.index - b.index);
  const expected = new Map(rows.map((row) => [row.index, row]));
  for (const row of rows) row.planted = makeInput(seed, row.index, corpus).planted;
  // The CLI and server slices skip the multi-megabyte lines: they would only say "larger than maxFileSize".
  const slice = (size, offset) => Array.from({ length: Math.min(size, count) }, (_, i) => i * Math.max(1, Math.floor(count / Math.max(size, 1))) + offset).filter((index) => index < count && expected.get(index)?.family !== 'huge line');
  const cliRows = await runCli(seed, slice(cli, 0), corpus, expected);
  // Other inputs than the CLI's: one further on in each step.
  const serverRows = server > 0 ? await runServer(seed, slice(server, 1), corpus, expected) : [];
  const all = [...rows, ...cliRows, ...serverRows];
  const problems = all.filter((row) => row.outcome === 'escape' || isHang(row) || row.drop);
  // A stopped parse is a bounded outcome, but many of them would be a parser or engine made slow: past the share, they fail the run.
  const stopped = rows.filter((row) => row.parseStopped);
  const allowed = Math.max(1, Math.floor(count * PARSE_STOPPED_SHARE));
  if (stopped.length > allowed) problems.push(...stopped.map((row) => ({ ...row, reason: `${stopped.length} parses stopped at the parse limit, more than the ${allowed} allowed: ${row.reason}` })));
  return { rows: all, problems, table: table(all, performance.now() - started) };
}

if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at === -1 ? fallback : Number(process.argv[at + 1]);
  };
  const seed = option('seed', 18);
  const { rows, problems, table: printed } = await runFuzz({ seed, count: option('count', 5_000), cli: option('cli', 300), server: option('server', 300) });
  process.stdout.write(`fuzz: seed ${seed}, ${rows.length} runs\n${printed}`);
  const failing = rows.filter((row) => row.failures.length > 0);
  for (const row of failing.slice(0, 20)) process.stdout.write(`  rule failure: input ${row.index} (${row.family}, ${row.name}): ${row.failures.join('; ')}\n`);
  for (const row of problems.slice(0, 50)) {
    const what = row.outcome === 'escape' ? 'escape' : row.drop ? 'silent drop' : row.parseStopped ? 'too many parses stopped' : 'hang';
    process.stdout.write(`  ${what}: input ${row.index} (${row.family}, ${row.name ?? ''}, ${row.bytes} chars, ${Math.round(row.ms)} ms CPU)${row.reason ? `: ${row.reason}` : ''}\n`);
  }
  for (const row of rows.filter((r) => r.parseStopped)) process.stdout.write(`  parse stopped: input ${row.index} (${row.family}, ${row.name}, ${row.bytes} chars): ${row.reason}\n`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
