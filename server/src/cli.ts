import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { HELP, parseCommand, UsageError, type MapArgs, type ScanArgs } from './cli/args.js';
import { choosePaint } from './cli/color.js';
import { unifiedDiff } from './cli/diff.js';
import { formatFixed, formatJson, formatSuppressions, formatText, plural, uriPath, type FileFindings } from './cli/formats.js';
import { formatSarif } from './cli/sarif.js';
import { formatMapMarkdown, formatMapMermaid, formatMapText } from './cli/map-formats.js';
import { InventoryIndex } from './inventory/index.js';
import type { AnalysisResult } from './engine/analyze.js';
import { redactableSecrets } from './secrets/redactable.js';
import { credentialSpans, redactSpans } from './secrets/redaction.js';
import type { Finding } from './engine/types.js';
import { findConfig, loadConfigFile, type LoadedConfig } from './config/load.js';
import { toAnalysisSettings } from './config/resolve.js';
import type { Config } from './config/schema.js';
import { fileFilter, walkFiles } from './workspace/walk.js';
import { configModel } from './rules/registry.js';
import { scanInPool, type PoolOptions } from './workspace/pool.js';
import type { ScanTask } from './workspace/scanWorker.js';
import { engineBeside, workerScript } from './workspace/threads.js';

declare const PACKAGE_VERSION: string | undefined;

/** The pool of worker threads a scan or a map runs on; a file whose worker was stopped gets the text checks here. */
function poolOptions(jobs: number | undefined): PoolOptions {
  return {
    script: workerScript(__filename),
    size: jobs,
    stopped: (task, reason) => {
      const here = engineBeside(__filename);
      return here.stoppedFileOutcome(here.rules, task, reason);
    },
  };
}

function version(): string {
  return typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';
}

/** What a set of scanned paths is judged by: a configuration and the folder its globs are relative to. */
interface Scope {
  config: Config;
  root: string;
  paths: string[];
}

function checked(loaded: LoadedConfig): LoadedConfig {
  if (loaded.problems.length > 0) {
    const lines = loaded.problems.map((p) => `${p.file}:${p.line + 1}:${p.character + 1}: ${p.key ? `"${p.key}": ` : ''}${p.message}`);
    throw new UsageError(`invalid configuration\n${lines.join('\n')}`);
  }
  return loaded;
}

/**
 * Groups the paths by the configuration that judges them: `--config` (globs relative to the
 * current folder, as ESLint's -c), else the nearest one above each path (globs relative to its
 * folder). A path that does not exist is an error naming it.
 */
function scopes(paths: string[], cwd: string, explicit: string | undefined): Scope[] {
  const byFile = new Map<string, Scope>();
  const given = explicit ? checked(loadConfigFile(configModel, resolve(cwd, explicit))) : undefined;
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let isDirectory;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      throw new UsageError(`no such file or directory: ${path}`);
    }
    const folder = isDirectory ? absolute : dirname(absolute);
    const loaded = given ?? checked(findConfig(configModel, folder));
    // With no configuration file, paths are judged from the current folder, or from the scanned
    // folder when it lies outside: a `../` path would match none of the globs (tests, fixtures).
    const root = given ? cwd : loaded.file ? dirname(loaded.file) : isInside(folder, cwd) ? cwd : folder;
    const key = loaded.file ?? root;
    const scope = byFile.get(key) ?? { config: loaded.config, root, paths: [] };
    scope.paths.push(absolute);
    byFile.set(key, scope);
  }
  return [...byFile.values()];
}

/** Whether `path` is `folder` or inside it. */
function isInside(path: string, folder: string): boolean {
  const within = relative(folder, path);
  return within !== '..' && !within.startsWith(`..${sep}`) && !isAbsolute(within);
}

/** The text with the credentials the analysis found, and any the redaction detector sees, masked. */
function redacted(path: string, text: string, findings: readonly Finding[]): string {
  return redactSpans(text, [...credentialSpans(findings), ...redactableSecrets(path, text)]).text;
}

interface Streams {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/**
 * One scan: the files it analysed, what --fix wrote (or would write), and how many files it
 * read. Separate from printing so that --stdin and the file walk report alike.
 */
class Scan {
  readonly files: FileFindings[] = [];
  readonly fixLog: string[] = [];
  scanned = 0;

  constructor(
    private readonly args: ScanArgs,
    private readonly cwd: string,
    private readonly err: NodeJS.WritableStream,
  ) {}

  settings(scope: Pick<Scope, 'config' | 'root'>, path: string) {
    return toAnalysisSettings(scope.config, relative(scope.root, path).split(sep).join('/'), this.args.rules.length > 0 ? this.args.rules : undefined);
  }

  /** Records one analysed file, after applying its fixes when asked. */
  add(path: string, text: string, analysed: AnalysisResult, settings: ReturnType<Scan['settings']>): void {
    let result = analysed;
    let finalText = text;
    this.scanned++;
    for (const failure of result.failures) {
      this.err.write(`integration-engineer: rule ${failure.ruleId} failed on ${path}: ${(failure.error as Error)?.message ?? failure.error}\n`);
    }
    if (this.args.fix !== 'off' && result.findings.some((finding) => finding.fix)) {
      // Fixes only, never suggestions; what is reported is what remains after them.
      const { analyze, fixAll, rules } = engineBeside(__filename);
      const fixed = fixAll(text, (next) => analyze(rules, path, next, settings), result);
      if (fixed.text !== text && this.args.fix === 'write') {
        writeFileSync(path, fixed.text);
        this.fixLog.push(formatFixed(path, this.cwd, fixed.applied));
      }
      // A scanner must not print the secrets it finds, not even as a diff's context.
      if (this.args.fix === 'dry-run') this.fixLog.push(unifiedDiff(uriPath(path, this.cwd), redacted(path, text, result.findings), redacted(path, fixed.text, fixed.result.findings)));
      result = fixed.result;
      finalText = fixed.text;
    }
    if (result.findings.length > 0 || result.suppressed.length > 0 || result.notAnalysed) {
      this.files.push({
        path,
        findings: result.findings,
        suppressed: result.suppressed,
        ...(result.notAnalysed ? { notAnalysed: result.notAnalysed } : {}),
        ...(result.findings.length > 0 ? { text: finalText } : {}),
      });
    }
  }

  /** Every file below the scope's paths, as the workspace scan walks them, analysed on a pool of worker threads. */
  async walk(scope: Scope): Promise<void> {
    const { args, err, cwd } = this;
    const settings = (path: string) => this.settings(scope, path);
    const tasks = (function* (): Generator<ScanTask> {
      for (const path of walkFiles(scope.paths, scope.root, fileFilter(scope.config))) yield { path, maxFileSize: scope.config.maxFileSize, settings: settings(path), wantsText: true };
    })();
    /** Unreadable, or anything else: reported like a file the engine could not analyse, never skipped silently. */
    const cannotAnalyse = (path: string, reason: string): void => {
      this.scanned++;
      this.files.push({ path, findings: [], suppressed: [], notAnalysed: `cannot analyse: ${reason}` });
    };
    await scanInPool(tasks, poolOptions(args.jobs), (task, analysis) => {
      if (analysis.kind === 'failed') return cannotAnalyse(task.path, analysis.reason);
      if (analysis.kind === 'skipped') {
        // A file named on the command line, or one over the size limit, is worth a word; binary and .env files in a folder are skipped by design.
        if (scope.paths.includes(task.path) || analysis.reason.startsWith('larger than')) err.write(`integration-engineer: skipped ${uriPath(task.path, cwd)}: ${analysis.reason}\n`);
        return;
      }
      try {
        this.add(task.path, analysis.text, analysis.result, task.settings);
      } catch (error) {
        cannotAnalyse(task.path, (error as Error)?.message ?? String(error));
      }
    });
  }

  /** The piped text, judged as the file it is named after (its configuration, its language). */
  stdin(name: string, text: string, explicit: string | undefined): void {
    const path = resolve(this.cwd, name);
    const loaded = checked(explicit ? loadConfigFile(configModel, resolve(this.cwd, explicit)) : findConfig(configModel, dirname(path)));
    const settings = this.settings({ config: loaded.config, root: explicit || !loaded.file ? this.cwd : dirname(loaded.file) }, path);
    const { analyze, rules } = engineBeside(__filename);
    const result = analyze(rules, path, text, settings);
    if (result.skipped) this.err.write(`integration-engineer: skipped ${name}: ${result.skipped}\n`);
    else this.add(path, text, result, settings);
  }
}

/** The findings a run reports: errors only under --quiet (ESLint's meaning). */
function reported(files: FileFindings[], quiet: boolean): FileFindings[] {
  return quiet ? files.map((file) => ({ ...file, findings: file.findings.filter((finding) => finding.severity === 'error') })) : files;
}

/**
 * Runs the CLI; returns the exit code: 0 clean, 1 findings (after --fix, those that remain;
 * with --max-warnings, errors or too many warnings), 2 a usage or config error, nothing to
 * scan, or a file that could not be analysed (it must never pass as clean).
 */
export async function main(
  argv: string[],
  cwd = process.cwd(),
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
  readStdin: () => string = () => readFileSync(0, 'utf8'),
): Promise<number> {
  let command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`integration-engineer: ${error.message}; see integration-engineer --help\n`);
    return 2;
  }
  if (command.kind === 'help') return (out.write(HELP), 0);
  if (command.kind === 'version') return (out.write(`${version()}\n`), 0);
  if (command.kind === 'map') return map(command.args, cwd, { out, err });
  const { args } = command;
  // Python files analysed on this thread (piped text, --fix's passes) need the parser loaded first.
  if (args.stdinFilename !== undefined || args.fix !== 'off') await engineBeside(__filename).initPython();
  try {
    const run = new Scan(args, cwd, err);
    if (args.stdinFilename !== undefined) run.stdin(args.stdinFilename, readStdin(), args.config);
    else for (const scope of scopes(args.paths, cwd, args.config)) await run.walk(scope);
    // A typo in a CI path must not pass as a clean scan.
    if (run.scanned === 0) throw new UsageError('no files to scan');
    return report(args, run, cwd, { out, err }, env);
  } catch (error) {
    // A missing path, a bad configuration, nothing to scan: one message (config problems one per line), never a stack trace.
    if (!(error instanceof UsageError)) throw error;
    err.write(`integration-engineer: ${error.message}\n`);
    return 2;
  }
}

/** Prints the report and the fix log; returns the exit code. */
function report(args: ScanArgs, run: Scan, cwd: string, { out, err }: Streams, env: NodeJS.ProcessEnv): number {
  const files = reported(run.files, args.quiet);
  const text = args.format === 'text';
  // Machine-readable formats keep stdout to themselves (and carry the files not analysed in their document).
  if (!text) err.write(files.filter((file) => file.notAnalysed).map((file) => `${uriPath(file.path, cwd)}: not analysed: ${file.notAnalysed}\n`).join(''));
  (text ? out : err).write(run.fixLog.join(''));
  const paint = choosePaint(args.color, env, !args.outputFile && (out as { isTTY?: boolean }).isTTY === true);
  let document =
    args.format === 'json' ? formatJson(files, cwd) : args.format === 'sarif' ? formatSarif(files, cwd, version()) : formatText(files, cwd, { scanned: run.scanned, verbose: args.verbose, paint });
  if (args.reportSuppressions) {
    if (text) document += formatSuppressions(files, cwd);
    else err.write(formatSuppressions(files, cwd));
  }
  writeDocument(document, args.outputFile, cwd, out);
  if (files.some((file) => file.notAnalysed)) return 2;
  const all = run.files.flatMap((file) => file.findings);
  if (args.maxWarnings !== undefined) {
    const warnings = all.filter((finding) => finding.severity === 'warning').length;
    if (warnings > args.maxWarnings) err.write(`integration-engineer: too many warnings: ${plural(warnings, 'warning')}, at most ${args.maxWarnings} allowed (--max-warnings)\n`);
    return all.some((finding) => finding.severity === 'error') || warnings > args.maxWarnings ? 1 : 0;
  }
  // A hint is a finding its rule knows rarely deserves attention: it is reported, it fails nothing.
  return files.some((file) => file.findings.some((finding) => finding.severity !== 'hint')) ? 1 : 0;
}

/** The report to `--output-file` (its folder made), else to stdout. */
function writeDocument(document: string, outputFile: string | undefined, cwd: string, out: NodeJS.WritableStream): void {
  if (!outputFile) {
    out.write(document);
    return;
  }
  const target = resolve(cwd, outputFile);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, document);
  } catch (error) {
    throw new UsageError(`cannot write ${outputFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/**
 * `map`: the integration map of the paths. Each worker builds its files' parts from its own
 * parse (the main thread parses nothing); the parts are grouped here by system.
 */
async function map(args: MapArgs, cwd: string, { out, err }: Streams): Promise<number> {
  const index = new InventoryIndex();
  try {
    let analysed = 0;
    for (const scope of scopes(args.paths, cwd, args.config)) {
      const tasks = (function* (): Generator<ScanTask> {
        for (const path of walkFiles(scope.paths, scope.root, fileFilter(scope.config))) {
          yield { path, maxFileSize: scope.config.maxFileSize, settings: toAnalysisSettings(scope.config, relative(scope.root, path).split(sep).join('/')), inventory: true };
        }
      })();
      await scanInPool(tasks, poolOptions(args.jobs), (task, outcome) => {
        if (outcome.kind !== 'analysed') return;
        analysed++;
        const where = uriPath(task.path, cwd);
        if (outcome.inventoryFailure || outcome.result.notAnalysed) err.write(`integration-engineer: ${where}: left out of the map: ${outcome.inventoryFailure ?? outcome.result.notAnalysed}\n`);
        if (outcome.inventory) index.set(where, outcome.inventory, relative(scope.root, task.path).split(sep).join('/'));
      });
    }
    if (analysed === 0) throw new UsageError('no files to map');
    const inventory = index.build();
    const document =
      args.format === 'json' ? `${JSON.stringify(inventory, null, 2)}\n` : args.format === 'markdown' ? formatMapMarkdown(inventory) : args.format === 'mermaid' ? formatMapMermaid(inventory) : formatMapText(inventory);
    writeDocument(document, args.outputFile, cwd, out);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`integration-engineer: ${error.message}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
