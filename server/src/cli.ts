import { statSync, writeFileSync } from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import { relative, resolve, sep } from 'node:path';
import { parseScanArgs, USAGE, UsageError } from './cli/args.js';
import { unifiedDiff } from './cli/diff.js';
import { formatFixed, formatJson, formatSarif, formatSuppressions, formatText, uriPath, type FileFindings } from './cli/formats.js';
import { analyze } from './engine/analyze.js';
import { fixAll } from './engine/fixer.js';
import { redactableSecrets } from './secrets/redactable.js';
import { credentialSpans, redactSpans } from './secrets/redaction.js';
import type { Finding } from './engine/types.js';
import { loadConfigFile, loadWorkspaceConfig, type LoadedConfig } from './config/load.js';
import { toAnalysisSettings } from './config/resolve.js';
import { fileFilter, walkFiles } from './workspace/walk.js';
import { configModel, rules } from './rules/index.js';
import { stoppedFileOutcome } from './workspace/analyzeFile.js';
import { scanInPool } from './workspace/pool.js';
import { SCAN_WORKER, serveScans, type ScanOutcome, type ScanTask } from './workspace/scanWorker.js';

declare const PACKAGE_VERSION: string | undefined;

function version(): string {
  return typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';
}

function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  const loaded = explicit ? loadConfigFile(configModel, resolve(explicit)) : loadWorkspaceConfig(configModel, cwd);
  if (loaded.problems.length > 0) {
    const lines = loaded.problems.map((p) => `${p.file}:${p.line + 1}:${p.character + 1}: ${p.key ? `"${p.key}": ` : ''}${p.message}`);
    throw new UsageError(`invalid configuration\n${lines.join('\n')}`);
  }
  return loaded;
}

/** The text with the credentials the analysis found, and any the redaction detector sees, masked. */
function redacted(path: string, text: string, findings: readonly Finding[]): string {
  return redactSpans(text, [...credentialSpans(findings), ...redactableSecrets(path, text)]).text;
}

/**
 * Runs the CLI (the files are analysed on a pool of worker threads running this same bundle); returns the exit code: 0 clean, 1 findings (after --fix, those that remain),
 * 2 a usage or config error, or a file that could not be analysed (it must never pass as clean).
 */
export async function main(argv: string[], cwd = process.cwd(), out = process.stdout, err = process.stderr): Promise<number> {
  let args;
  let config;
  try {
    args = parseScanArgs(argv);
    config = loadConfig(cwd, args.config).config;
    for (const path of args.paths) statSync(resolve(cwd, path));
  } catch (error) {
    const message = error instanceof UsageError ? error.message : error instanceof Error ? error.message : String(error);
    err.write(`integration-engineer: ${message}\n${error instanceof UsageError ? `${USAGE}\n` : ''}`);
    return 2;
  }
  const only = args.rules.length > 0 ? args.rules : undefined;
  const files: FileFindings[] = [];
  /** What --fix wrote, or the diff --fix-dry-run would write, per file. */
  const fixLog: string[] = [];
  let scanned = 0;
  const tasks = (function* (): Generator<ScanTask> {
    for (const path of walkFiles(args.paths.map((p) => resolve(cwd, p)), cwd, fileFilter(config))) {
      yield { path, maxFileSize: config.maxFileSize, settings: toAnalysisSettings(config, relative(cwd, path).split(sep).join('/'), only), wantsFixText: args.fix !== 'off' };
    }
  })();
  const stopped = (task: ScanTask, reason: string): ScanOutcome => stoppedFileOutcome(rules, task, reason);
  const report = ({ path, settings }: ScanTask, analysis: Exclude<ScanOutcome, { kind: 'failed' }>): void => {
    if (analysis.kind === 'skipped') {
      // Only the size limit is worth a word: binary and .env files are skipped by design.
      if (analysis.reason.startsWith('larger than')) err.write(`integration-engineer: skipped ${path}: ${analysis.reason}\n`);
      return;
    }
    let { result } = analysis;
    scanned++;
    for (const failure of result.failures) {
      err.write(`integration-engineer: rule ${failure.ruleId} failed on ${path}: ${(failure.error as Error)?.message ?? failure.error}\n`);
    }
    // The worker sends the text back only for a file with a fix to apply.
    if (args.fix !== 'off' && analysis.text !== '') {
      // Fixes only, never suggestions; what is reported below is what remains after them.
      const fixed = fixAll(analysis.text, (text) => analyze(rules, path, text, settings), result);
      if (fixed.text !== analysis.text && args.fix === 'write') {
        writeFileSync(path, fixed.text);
        fixLog.push(formatFixed(path, cwd, fixed.applied));
      }
      // A scanner must not print the secrets it finds, not even as a diff's context.
      if (args.fix === 'dry-run') fixLog.push(unifiedDiff(uriPath(path, cwd), redacted(path, analysis.text, result.findings), redacted(path, fixed.text, fixed.result.findings)));
      result = fixed.result;
    }
    if (result.findings.length > 0 || result.suppressed.length > 0 || result.notAnalysed) {
      files.push({ path, findings: result.findings, suppressed: result.suppressed, ...(result.notAnalysed ? { notAnalysed: result.notAnalysed } : {}) });
    }
  };
  /** Unreadable, or a fix that could not be written: reported like a file the engine could not analyse, never skipped silently. */
  const cannotAnalyse = (path: string, reason: string): void => {
    scanned++;
    files.push({ path, findings: [], suppressed: [], notAnalysed: `cannot analyse: ${reason}` });
  };
  await scanInPool(tasks, { script: __filename, size: args.jobs, stopped }, (task, analysis) => {
    if (analysis.kind === 'failed') cannotAnalyse(task.path, analysis.reason);
    else {
      try {
        report(task, analysis);
      } catch (error) {
        cannotAnalyse(task.path, (error as Error)?.message ?? String(error));
      }
    }
  });

  // Machine-readable formats keep stdout to themselves (and carry the files not analysed in their document).
  if (args.format !== 'text') err.write(files.filter((file) => file.notAnalysed).map((file) => `${uriPath(file.path, cwd)}: not analysed: ${file.notAnalysed}\n`).join(''));
  (args.format === 'text' ? out : err).write(fixLog.join(''));
  const output = args.format === 'json' ? formatJson(files, cwd) : args.format === 'sarif' ? formatSarif(files, cwd, version()) : formatText(files, cwd, scanned);
  out.write(output);
  if (args.reportSuppressions) (args.format === 'text' ? out : err).write(formatSuppressions(files, cwd));
  if (files.some((file) => file.notAnalysed)) return 2;
  return files.some((file) => file.findings.length > 0) ? 1 : 0;
}

if (!isMainThread && workerData?.[SCAN_WORKER]) {
  serveScans();
} else if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
