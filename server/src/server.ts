import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CancellationToken,
  type CodeActionParams,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from './engine/types.js';
import { toAnalysisSettings } from './config/resolve.js';
import { CONFIG_FILE } from './config/load.js';
import { debounceDelay, Debouncer } from './lsp/debounce.js';
import { FIX_ALL_KIND, FixStore, quickFixActions, wants, wholeDocumentEdit, type OtherFile } from './lsp/codeActions.js';
import { DiagnosticsByOrigin, notAnalysedDiagnostic, SOURCE, toDiagnostic } from './lsp/diagnostics.js';
import { MemoryRelease } from './lsp/memory.js';
import { buildFolderSettings, pathToUri, uriToPath, type FolderSettings } from './lsp/settings.js';
import { fileFilter, walkFiles } from './workspace/walk.js';
import { DocumentAnalyzer } from './lsp/documentAnalyzer.js';
import { engineBeside, workerScript } from './workspace/threads.js';
import { scanInPool } from './workspace/pool.js';
import type { ScanOutcome, ScanTask } from './workspace/scanWorker.js';
import { ruleMetas } from './rules/registry.js';
import { InventoryIndex, type FileInventory } from './inventory/index.js';
import { InventoryChangedNotification, InventoryRequest, type Inventory } from './shared/inventory.js';
import {
  AnalysisTimeNotification,
  AnalyzeTextRequest,
  HealthRequest,
  ScanPathsRequest,
  ScanWorkspaceRequest,
  WorkspaceTrustedNotification,
  type AnalysisTimeParams,
  type HealthResult,
  type InitializationOptions,
  type AnalyzeTextParams,
  type AnalyzeTextResult,
  type ScanPathsParams,
  type ScanPathsResult,
  type ScanWorkspaceResult,
} from './shared/protocol.js';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
const debouncer = new Debouncer();
/** How long each open document's last analysis took (ms): it sets the document's debounce. */
const lastAnalysisMs = new Map<string, number>();
/** Each open document's latest validation: an earlier one still waiting for the worker publishes nothing when it comes back. */
const latestValidation = new Map<string, number>();
let validations = 0;
const fixStore = new FixStore();
const memoryRelease = new MemoryRelease();
const ruleIds = new Set(ruleMetas.map((meta) => meta.id));

let workspaceFolders: string[] = [];
let canPullConfiguration = false;
let workspaceTrusted = true;
/** The user had scanned the workspace before this server started: its results come back. */
let scanOnStart = false;
const folderSettings = new Map<string, Promise<FolderSettings>>();
/** Files the workspace scan analysed from disk (uri → true), re-analysed when they change. */
const scannedFromDisk = new Set<string>();
/** What each URI shows, by origin: a publish sends them all, so one origin never wipes another's. */
const shown = new DiagnosticsByOrigin();
let lastSettingProblems = '';
/** The integration map of the open documents and the files the workspace scan read, by URI. */
const inventory = new InventoryIndex();
/** The map is built only once a client has asked for it (the Integrations view was shown). */
let inventoryWanted = false;
let inventoryTimer: NodeJS.Timeout | undefined;

/** A file's part of the map changed: the client is told, once per burst of analyses. */
function inventoryChanged(): void {
  if (!inventoryWanted || inventoryTimer) return;
  inventoryTimer = setTimeout(() => {
    inventoryTimer = undefined;
    inBackground(connection.sendNotification(InventoryChangedNotification), 'Telling the client the map changed');
  }, 200);
}

function setInventory(uri: string, part: FileInventory | undefined): void {
  if (!inventoryWanted) return;
  const path = uriToPath(uri);
  const folder = folderOf(path);
  if (part) inventory.set(uri, part, path && folder ? relative(folder, path).split(sep).join('/') : path ?? uri);
  else if (!inventory.delete(uri)) return;
  inventoryChanged();
}

const log = (message: string): void => connection.console.log(message);
/** The open documents are analysed on a worker thread that is stopped when a file runs past its limit. */
const documentAnalyzer = new DocumentAnalyzer({
  script: workerScript(__filename),
  stopped: (path, text, settings, reason) => {
    const here = engineBeside(__filename);
    return here.stoppedAnalysis(here.rules, path, text, settings, reason);
  },
  log,
});

/** Work nothing awaits: its failure is logged, never left an unhandled rejection (which stops the server). */
function inBackground(work: Promise<unknown>, what: string): void {
  work.catch((error) => log(`${what} failed: ${(error as Error)?.stack ?? error}`));
}

function folderOf(path: string | undefined): string | undefined {
  if (!path) return undefined;
  return workspaceFolders.filter((folder) => path === folder || path.startsWith(folder + sep)).sort((a, b) => b.length - a.length)[0];
}

async function settingsFor(path: string | undefined): Promise<FolderSettings> {
  const folder = folderOf(path);
  const key = folder ?? '';
  let settings = folderSettings.get(key);
  if (!settings) {
    settings = (async () => {
      let editor: unknown = {};
      if (canPullConfiguration) {
        try {
          editor = await connection.workspace.getConfiguration({ scopeUri: folder ? pathToUri(folder) : undefined, section: 'integrationEngineer' });
        } catch (error) {
          log(`Could not read settings: ${(error as Error).message}`);
        }
      }
      const built = buildFolderSettings(folder, editor, workspaceTrusted);
      reportConfigProblems(built);
      reportIgnoredUntrusted(built);
      return built;
    })();
    folderSettings.set(key, settings);
  }
  return settings;
}

/** Config files whose restricted keys the output channel has named already. */
const saidUntrusted = new Set<string>();

function reportIgnoredUntrusted(settings: FolderSettings): void {
  if (settings.ignoredUntrusted.length === 0 || !settings.configFile || saidUntrusted.has(settings.configFile)) return;
  saidUntrusted.add(settings.configFile);
  log(`The workspace is not trusted: ${settings.ignoredUntrusted.join(', ')} from ${settings.configFile} are ignored until it is.`);
}

function reportConfigProblems(settings: FolderSettings): void {
  const text = settings.settingProblems.join('\n');
  if (text && text !== lastSettingProblems) {
    // Typed void, but a request to the client underneath: its refusal is a rejection.
    inBackground(Promise.resolve(connection.window.showWarningMessage(`Integration Engineer: invalid setting, its default is used instead.\n${text}`)), 'Showing the settings warning');
  }
  lastSettingProblems = text;
  if (!settings.configFile) return;
  const uri = pathToUri(settings.configFile);
  const diagnostics: Diagnostic[] = settings.fileProblems.map((p) => ({
    range: { start: { line: p.line, character: p.character }, end: { line: p.line, character: p.character + p.length } },
    severity: DiagnosticSeverity.Warning,
    source: SOURCE,
    code: 'invalid-config',
    message: `${p.key ? `"${p.key}": ` : ''}${p.message}. The default is used instead.`,
  }));
  if (diagnostics.length > 0 || shown.shows(uri, 'config')) inBackground(connection.sendDiagnostics({ uri, diagnostics: shown.set(uri, 'config', diagnostics) }), 'Publishing diagnostics');
}

/** A path as the config's globs see it: relative to its workspace folder, `/`-separated. */
function folderRelative(path: string | undefined, settings: FolderSettings): string | undefined {
  return path && settings.folder ? relative(settings.folder, path).split(sep).join('/') : undefined;
}

function isAccepted(path: string | undefined, settings: FolderSettings): boolean {
  const relativePath = folderRelative(path, settings);
  return relativePath === undefined || fileFilter(settings.config).accepts(relativePath);
}

/** Whether an open document is analysed: a file the config includes, within the size limit. */
function isAnalysed(path: string | undefined, text: string, settings: FolderSettings): boolean {
  return isAccepted(path, settings) && Buffer.byteLength(text) <= settings.config.maxFileSize;
}

/** Replaces the file's analysis diagnostics (a later analysis clears an earlier "not analysed"); a config file's own problems stay. */
function publish(uri: string, findings: Finding[], version?: number, notAnalysed?: string): void {
  const diagnostics = findings.map(toDiagnostic);
  if (notAnalysed) diagnostics.unshift(notAnalysedDiagnostic(notAnalysed));
  inBackground(connection.sendDiagnostics({ uri, version, diagnostics: shown.set(uri, 'analysis', diagnostics) }), 'Publishing diagnostics');
}

async function validate(document: TextDocument): Promise<void> {
  const path = uriToPath(document.uri);
  const settings = await settingsFor(path);
  const current = documents.get(document.uri);
  // Stale work is dropped: a newer version is already scheduled.
  if (!current || current.version !== document.version) return;
  const text = current.getText();
  // The document object is updated in place by each edit: its version now is the one `text` is of.
  const { version } = current;
  const validation = ++validations;
  latestValidation.set(document.uri, validation);
  if (!isAnalysed(path, text, settings)) {
    fixStore.forget(document.uri);
    // An excluded file is the user's choice; one over the size limit must not look clean.
    const { maxFileSize } = settings.config;
    publish(document.uri, [], version, isAccepted(path, settings) ? `larger than maxFileSize (${maxFileSize} bytes)` : undefined);
    setInventory(document.uri, undefined);
    return;
  }
  const started = performance.now();
  let ranMs: number | undefined;
  try {
    const analysis = await documentAnalyzer.analyze({ path: path ?? document.uri, text, settings: toAnalysisSettings(settings.config, folderRelative(path, settings)), keep: true, inventory: inventoryWanted });
    ranMs = analysis.ranMs;
    // Edited, closed or validated again (settings changed) while it ran, or dropped for a newer analysis: the newer one publishes.
    if (analysis.dropped || latestValidation.get(document.uri) !== validation || documents.get(document.uri) !== current || current.version !== version) return;
    const { result } = analysis;
    if (inventoryWanted) setInventory(document.uri, analysis.inventory);
    for (const failure of result.failures) log(`Rule ${failure.ruleId} failed on ${document.uri}: ${(failure.error as Error)?.stack ?? (failure.error as Error)?.message ?? failure.error}`);
    if (result.notAnalysed) log(`Not analysed: ${document.uri}: ${result.notAnalysed}`);
    fixStore.record(document.uri, version, result.findings);
    publish(document.uri, result.findings, version, result.notAnalysed);
  } catch (error) {
    log(`Analysis of ${document.uri} failed: ${(error as Error)?.stack ?? error}`);
  }
  // The document's own cost: not the time it waited behind other documents' analyses.
  const elapsedMs = ranMs ?? performance.now() - started;
  const milliseconds = Math.round(elapsedMs);
  if (documents.get(document.uri)) lastAnalysisMs.set(document.uri, elapsedMs);
  const budgetMs = settings.config.timeBudgetMs;
  const timing: AnalysisTimeParams = { uri: document.uri, milliseconds, budgetMs, overBudget: milliseconds > budgetMs };
  inBackground(connection.sendNotification(AnalysisTimeNotification, timing), 'Sending the analysis time');
}

function schedule(document: TextDocument): void {
  // Opening is analysed at once; a change waits as long as the document's analyses make worth it.
  debouncer.schedule(document.uri, debounceDelay(lastAnalysisMs.get(document.uri)), () => inBackground(validate(document), `Analysis of ${document.uri}`));
}

/** What a file on disk shows: its findings and, once the map is wanted, its part of the map. */
interface FileOutcome {
  findings: Finding[];
  notAnalysed?: string;
  inventory?: FileInventory;
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The scan's files under `roots`, each with its folder's settings (paths only: the workers read the files). */
async function scanTasks(roots: string[], root: (path: string) => string): Promise<ScanTask[]> {
  const tasks: ScanTask[] = [];
  for (const start of roots) {
    const settings = await settingsFor(start);
    for (const path of walkFiles([start], root(start), fileFilter(settings.config))) {
      const own = await settingsFor(path);
      if (isAccepted(path, own)) tasks.push({ path, maxFileSize: own.config.maxFileSize, settings: toAnalysisSettings(own.config, folderRelative(path, own)), inventory: inventoryWanted });
      if (tasks.length % 500 === 0) await yieldToEvents();
    }
  }
  return tasks;
}

/**
 * Analyses the files on a pool of worker threads (the workers' bundle, one per core), beside the open
 * documents' worker, so the editor's analysis answers while a scan runs. Outcomes come in file order.
 */
function scanFiles(tasks: ScanTask[], cancelled: () => boolean, onOutcome: (path: string, analysed: FileOutcome | undefined) => void): Promise<void> {
  const stopped = (task: ScanTask, reason: string): ScanOutcome => {
    const here = engineBeside(__filename);
    return here.stoppedFileOutcome(here.rules, task, reason);
  };
  return scanInPool(tasks, { script: workerScript(__filename), stopped, cancelled }, ({ path }, outcome) => {
    if (outcome.kind === 'failed') log(`Cannot analyse ${path}: ${outcome.reason}`);
    for (const failure of outcome.kind === 'analysed' ? outcome.result.failures : []) log(`Rule ${failure.ruleId} failed on ${path}: ${(failure.error as Error)?.stack ?? (failure.error as Error)?.message ?? failure.error}`);
    onOutcome(path, outcome.kind === 'analysed' ? { findings: outcome.result.findings, notAnalysed: outcome.result.notAnalysed, inventory: outcome.inventory } : undefined);
  });
}

connection.onInitialize((params) => {
  // The workers load the analysis (and tree-sitter's WebAssembly for Python): this thread parses nothing.
  documentAnalyzer.start();
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  if (workspaceFolders.length === 0 && params.rootUri) {
    const root = uriToPath(params.rootUri);
    if (root) workspaceFolders = [root];
  }
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  const options = params.initializationOptions as InitializationOptions | undefined;
  workspaceTrusted = options?.workspaceTrusted !== false;
  scanOnStart = options?.scanWorkspace === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'integration-engineer' },
  };
});

connection.onInitialized(() => {
  if (scanOnStart) inBackground(scanWorkspace().then((outcome) => log(`Workspace scanned again after a restart: ${outcome.scanned} files, ${outcome.findings} findings.`)), 'The workspace scan after a restart');
  if (canPullConfiguration) inBackground(connection.client.register(DidChangeConfigurationNotification.type, { section: 'integrationEngineer' }), 'Registering for configuration changes');
  connection.workspace.onDidChangeWorkspaceFolders((event) => {
    const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
    workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)];
    refreshAll();
  });
});

/** Settings or a config file changed: forget cached settings and re-check what is shown. */
function refreshAll(): void {
  folderSettings.clear();
  for (const document of documents.all()) schedule(document);
  inBackground(rescanFromDisk([...scannedFromDisk]), 'Re-analysing scanned files');
}

/** Scanned files again, on the worker pool (the main thread parses nothing): a file now excluded or gone shows nothing. */
async function rescanFromDisk(uris: string[]): Promise<void> {
  const closed = uris.filter((uri) => !documents.get(uri));
  const paths = closed.map(uriToPath).filter((path): path is string => path !== undefined);
  const tasks = paths.length > 0 ? await scanTasks(paths, (start) => folderOf(start) ?? dirname(start)) : [];
  const rescanned = new Set<string>();
  await scanFiles(tasks, () => false, (path, analysed) => {
    const uri = pathToUri(path);
    rescanned.add(uri);
    if (documents.get(uri)) return;
    publish(uri, analysed?.findings ?? [], undefined, analysed?.notAnalysed);
    setInventory(uri, analysed?.inventory);
  });
  for (const uri of closed) {
    if (rescanned.has(uri) || documents.get(uri)) continue;
    publish(uri, []);
    setInventory(uri, undefined);
  }
}

connection.onDidChangeConfiguration(() => refreshAll());

connection.onNotification(WorkspaceTrustedNotification, () => {
  workspaceTrusted = true;
  refreshAll();
});

connection.onDidChangeWatchedFiles((params) => {
  const configChanged = params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE}`) || c.uri.endsWith('/package.json'));
  if (configChanged) {
    refreshAll();
    return;
  }
  const changed: string[] = [];
  for (const change of params.changes) {
    if (!scannedFromDisk.has(change.uri)) continue;
    if (change.type === FileChangeType.Deleted) {
      scannedFromDisk.delete(change.uri);
      publish(change.uri, []);
      setInventory(change.uri, undefined);
    } else {
      changed.push(change.uri);
    }
  }
  inBackground(rescanFromDisk(changed), 'Re-analysing changed files');
});

/** Closed scanned files not yet re-analysed from disk, and whether a pool run is re-analysing some. */
const closedToRescan = new Set<string>();
let rescanningClosed = false;

/** A scanned file closed: re-analysed from disk. Closes in a burst (Close All) share pool runs, one at a time: a pool per file started a worker per file at once. */
function rescanClosed(uri: string): void {
  closedToRescan.add(uri);
  if (rescanningClosed) return;
  rescanningClosed = true;
  const run = async (): Promise<void> => {
    for (let uris = [...closedToRescan]; uris.length > 0; uris = [...closedToRescan]) {
      closedToRescan.clear();
      await rescanFromDisk(uris);
    }
  };
  inBackground(run().finally(() => (rescanningClosed = false)), 'Re-analysing closed files');
}

documents.onDidOpen((event) => schedule(event.document));
documents.onDidChangeContent((event) => schedule(event.document));
documents.onDidClose((event) => {
  const { uri } = event.document;
  debouncer.cancel(uri);
  lastAnalysisMs.delete(uri);
  latestValidation.delete(uri);
  fixStore.forget(uri);
  const path = uriToPath(uri);
  documentAnalyzer.forget(path ?? uri);
  if (documents.all().length === 0) documentAnalyzer.retire();
  memoryRelease.closed();
  if (scannedFromDisk.has(uri)) rescanClosed(uri);
  else {
    publish(uri, []);
    setInventory(uri, undefined);
  }
});

/** A file a suggestion adds a line to, relative to the workspace folder of the document it fixes. */
function otherFile(documentPath: string, relativePath: string): OtherFile {
  const path = join(folderOf(documentPath) ?? dirname(documentPath), relativePath);
  const uri = pathToUri(path);
  const open = documents.get(uri);
  return { uri, text: open ? open.getText() : existsSync(path) ? readFileSync(path, 'utf8') : undefined };
}

/** Fix-all: fixes only, never suggestions, re-analysing until nothing changes (at most 10 passes). */
async function fixAllAction(uri: string, path: string): Promise<CodeAction | undefined> {
  const document = documents.get(uri);
  if (!document) return undefined;
  const settings = await settingsFor(path);
  const text = document.getText();
  // Read now: each edit updates the document object in place.
  const { version } = document;
  if (!isAnalysed(path, text, settings)) return undefined;
  const fixed = await documentAnalyzer.fixAll(path, text, toAnalysisSettings(settings.config, folderRelative(path, settings)));
  // Edited while it ran: an edit made for the older text would undo the newer one.
  if (fixed === undefined || documents.get(uri) !== document || document.version !== version) return undefined;
  const edit = wholeDocumentEdit(document, fixed);
  return edit && { title: 'Fix all Integration Engineer problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: [edit] } } };
}

connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
  const { uri } = params.textDocument;
  const document = documents.get(uri);
  const path = uriToPath(uri) ?? uri;
  if (!document) return [];
  const actions: CodeAction[] = [];
  const only = params.context.only;
  if (wants(only, CodeActionKind.QuickFix)) {
    actions.push(
      ...quickFixActions({
        document,
        path,
        diagnostics: params.context.diagnostics.filter((d) => d.source === SOURCE),
        findingsOf: (diagnostic) => fixStore.lookup(uri, document.version, diagnostic),
        otherFile: (relativePath) => otherFile(path, relativePath),
        isRule: (id) => ruleIds.has(id),
      }),
    );
  }
  // Only on request (the Source Action menu, or on save): it re-analyses the document.
  if (only && wants(only, FIX_ALL_KIND)) {
    const action = await fixAllAction(uri, path);
    if (action) actions.push(action);
  }
  return actions;
});

connection.onRequest(AnalyzeTextRequest, async (params: AnalyzeTextParams): Promise<AnalyzeTextResult> => {
  const path = uriToPath(params.path) ?? params.path;
  const settings = await settingsFor(path);
  // The same limit as documents: an oversized request must not hold the server for seconds.
  const { maxFileSize } = settings.config;
  if (Buffer.byteLength(params.text) > maxFileSize) return { findings: [], notAnalysed: `larger than maxFileSize (${maxFileSize} bytes)` };
  const { result } = await documentAnalyzer.analyze({ path, text: params.text, settings: toAnalysisSettings(settings.config, folderRelative(path, settings)), keep: false, inventory: false });
  return { findings: result.findings, ...(result.notAnalysed ? { notAnalysed: result.notAnalysed } : {}) };
});

connection.onRequest(ScanPathsRequest, async (params: ScanPathsParams, token): Promise<ScanPathsResult> => {
  const paths = params.paths.map((p) => uriToPath(p) ?? p);
  const tasks = await scanTasks(paths, (start) => folderOf(start) ?? start);
  const result: ScanPathsResult = { files: [], scanned: 0 };
  await scanFiles(tasks, () => token.isCancellationRequested, (path, analysed) => {
    if (!analysed) return;
    result.scanned++;
    if (analysed.findings.length > 0 || analysed.notAnalysed) result.files.push({ path, findings: analysed.findings, ...(analysed.notAnalysed ? { notAnalysed: analysed.notAnalysed } : {}) });
  });
  return result;
});

/** Analyses every workspace file from disk (open files are the editor's), with progress the user can cancel. */
async function scanWorkspace(token?: CancellationToken): Promise<ScanWorkspaceResult> {
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin('Integration Engineer: scanning workspace', 0, 'Listing files…', true);
  const outcome: ScanWorkspaceResult = { scanned: 0, findings: 0, cancelled: false };
  const cancelled = (): boolean => (outcome.cancelled ||= token?.isCancellationRequested === true || progress.token.isCancellationRequested);
  try {
    const all = await scanTasks(workspaceFolders, (start) => start);
    // Open documents are the editor's: analysed as they are edited, they count with the findings they show.
    const tasks = all.filter((task) => {
      const uri = pathToUri(task.path);
      if (!documents.get(uri)) return true;
      outcome.scanned++;
      outcome.findings += shown.findingCount(uri);
      return false;
    });
    const total = tasks.length.toLocaleString('en-US');
    let done = 0;
    progress.report(0, `0 / ${total} files`);
    await scanFiles(tasks, cancelled, (path, analysed) => {
      if (++done % 10 === 0) progress.report(Math.round((done / Math.max(tasks.length, 1)) * 100), `${done.toLocaleString('en-US')} / ${total} files`);
      const uri = pathToUri(path);
      // Opened while the scan ran: the editor's analysis is newer.
      if (!analysed || documents.get(uri)) return;
      outcome.scanned++;
      outcome.findings += analysed.findings.length;
      if (analysed.findings.length > 0 || analysed.notAnalysed || scannedFromDisk.has(uri)) publish(uri, analysed.findings, undefined, analysed.notAnalysed);
      setInventory(uri, analysed.inventory);
      scannedFromDisk.add(uri);
    });
  } finally {
    progress.done();
  }
  return outcome;
}

connection.onRequest(ScanWorkspaceRequest, (_params, token) => scanWorkspace(token));

/**
 * The map of the open documents and of the files the last workspace scan read. The first
 * request turns the map on: the open documents are analysed again with it (the scan's files
 * come with the next scan, or the restart's).
 */
connection.onRequest(InventoryRequest, async (): Promise<Inventory> => {
  if (!inventoryWanted) {
    inventoryWanted = true;
    await Promise.all(documents.all().map((document) => validate(document)));
    if (scannedFromDisk.size > 0) inBackground(mapScannedFiles(), 'Mapping the scanned files');
  }
  return inventory.build();
});

/** The files a scan read before the map was wanted, mapped on the worker pool (the main thread parses none of them). */
async function mapScannedFiles(): Promise<void> {
  const paths = [...scannedFromDisk].filter((uri) => !documents.get(uri)).map(uriToPath).filter((path): path is string => path !== undefined);
  const tasks = await scanTasks(paths, (start) => folderOf(start) ?? dirname(start));
  await scanFiles(tasks, () => false, (path, analysed) => {
    const uri = pathToUri(path);
    if (!documents.get(uri)) setInventory(uri, analysed?.inventory);
  });
}

// Answered at once: a server that cannot answer this within the client's limit is hung and is restarted.
connection.onRequest(HealthRequest, (): HealthResult => ({
  openDocuments: documents.keys().length,
  parsedTrees: documentAnalyzer.trees,
  analysisWorkers: documentAnalyzer.workers,
  fixedDocuments: fixStore.size,
  timedDocuments: lastAnalysisMs.size,
  pendingAnalyses: debouncer.pending,
  filesWithDiagnostics: shown.size,
  memoryReleases: memoryRelease.released,
  heapUsed: process.memoryUsage().heapUsed,
}));

// A request handler's failure is answered as an error by the connection; an exception or a
// rejection nothing caught may have left state half-updated, so the server logs it and exits,
// and the client restarts it (within the limit of its error handler).
function exitOnUnexpected(what: string, error: unknown): never {
  const message = `Unexpected ${what}, the server exits: ${(error as Error)?.stack ?? error}`;
  log(message);
  // The connection writes asynchronously; stderr (a pipe) is written before the exit.
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
process.on('uncaughtException', (error) => exitOnUnexpected('error', error));
process.on('unhandledRejection', (reason) => exitOnUnexpected('rejection', reason));

documents.listen(connection);
connection.listen();
