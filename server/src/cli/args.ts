import { parseArgs } from 'node:util';
import { ruleMetas } from '../rules/registry.js';

export type Format = 'text' | 'json' | 'sarif';

/** `--fix` writes the fixes, `--fix-dry-run` prints them as a diff. */
export type FixMode = 'off' | 'write' | 'dry-run';

export interface ScanArgs {
  format: Format;
  rules: string[];
  config?: string;
  reportSuppressions: boolean;
  fix: FixMode;
  /** Errors only (ESLint's --quiet). */
  quiet: boolean;
  /** More warnings than this fail the scan; when set, warnings up to it and info findings do not. */
  maxWarnings?: number;
  outputFile?: string;
  /** undefined: colour when the output is a terminal (NO_COLOR / FORCE_COLOR decide first). */
  color?: boolean;
  /** The long explanation under each text row. */
  verbose: boolean;
  /** Scan the text piped in as this file (`--stdin --stdin-filename NAME`). */
  stdinFilename?: string;
  /** Worker threads for the scan; one per core unless given. */
  jobs?: number;
  paths: string[];
}

export type MapFormat = 'text' | 'json' | 'markdown' | 'mermaid';

/** `map`: the integration map of the paths. */
export interface MapArgs {
  format: MapFormat;
  config?: string;
  outputFile?: string;
  jobs?: number;
  paths: string[];
}

export type Command = { kind: 'scan'; args: ScanArgs } | { kind: 'map'; args: MapArgs } | { kind: 'help' } | { kind: 'version' };

export class UsageError extends Error {}

export const HELP = `Usage: integration-engineer scan [options] <paths...>
       integration-engineer scan [options] --stdin --stdin-filename <name>
       integration-engineer map [--format text|json|markdown|mermaid] [--output-file <path>] <paths...>

Scans files and folders for integration anti-patterns. Exit code: 0 nothing found,
1 findings, 2 a usage or configuration error, no files to scan, or a file not analysed.

Options:
  --format text|json|sarif   Output format (default: text)
  --rule <id>                Run only this rule; repeat for more
  --config <path>            Configuration file (default: the nearest integration-engineer.json,
                             or package.json with an "integrationEngineer" key, from the scanned
                             path up to the filesystem root)
  --quiet                    Report errors only
  --max-warnings <n>         Fail on errors or on more than n warnings (info never fails then)
  --output-file <path>       Write the report to a file instead of stdout
  --color, --no-color        Force colour on or off (default: on a terminal, unless NO_COLOR is set)
  --verbose                  Text: print each finding's full explanation under it
  --report-suppressions      List suppressed findings with their reasons
  --fix                      Write the safe fixes, then report what remains
  --fix-dry-run              Print the fixes as a unified diff; write nothing
  --jobs <n>                 Worker threads for the scan (default: one per core)
  --stdin                    Scan the text piped in ...
  --stdin-filename <name>    ... as this file (decides the language and the configuration)
  -h, --help                 Show this help
  --version                  Show the version

map: every external system the code talks to (hosts, providers, brokers and their queues,
webhook senders), with each endpoint's safeguards, call sites and findings, and the names of
the credentials it reads. Exit code 0, or 2 on a usage or configuration error.
  --format text|json|markdown|mermaid   Output format (default: text); json follows
                             docs/integration-map.schema.json
  --config, --output-file, --jobs       As for scan
`;

const MAP_FORMATS: MapFormat[] = ['text', 'json', 'markdown', 'mermaid'];
/** What `map` takes of the options: the rest concern findings and fixes. */
const MAP_OPTIONS = new Set(['format', 'config', 'output-file', 'jobs', 'color', 'no-color']);

const FORMATS: Format[] = ['text', 'json', 'sarif'];

const OPTIONS = {
  format: { type: 'string' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string' },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  'output-file': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  verbose: { type: 'boolean' },
  'report-suppressions': { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  jobs: { type: 'string' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** parseArgs' own messages are multi-line advice; the user gets one line naming the option. */
function parseError(error: unknown): UsageError {
  const code = (error as { code?: string }).code;
  const option = /'(-[^' ]+)/.exec((error as Error).message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option "${option}"`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(/does not take an argument/.test((error as Error).message) ? `${option} takes no value` : `${option} needs a value`);
  return new UsageError((error as Error).message.split('\n')[0]);
}

/** Parses the command line; throws UsageError with a one-line message for the user. */
export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw parseError(error);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...paths] = positionals;
  if (command === 'map') return { kind: 'map', args: mapArgs(values, paths) };
  if (command !== 'scan') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const format = values.format ?? 'text';
  if (!FORMATS.includes(format as Format)) throw new UsageError(`unknown format "${format}" (use text, json or sarif)`);
  const known = ruleMetas.map((meta) => meta.id);
  for (const id of values.rule ?? []) {
    if (!known.includes(id)) throw new UsageError(`unknown rule "${id}"; the rules are ${known.join(', ')}`);
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('use either --fix or --fix-dry-run');
  if (values.color && values['no-color']) throw new UsageError('use either --color or --no-color');
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings takes a whole number, not "${maxWarnings}"`);
  const jobs = jobsOf(values.jobs);
  if (values.stdin) {
    if (!values['stdin-filename']) throw new UsageError('--stdin needs --stdin-filename <name> (the name says how to read the text)');
    if (paths.length > 0) throw new UsageError('--stdin scans the piped text; give no paths');
    if (values.fix) throw new UsageError('--fix cannot write back to stdin; use --fix-dry-run');
  } else {
    if (values['stdin-filename']) throw new UsageError('--stdin-filename needs --stdin');
    if (paths.length === 0) throw new UsageError('no paths to scan');
  }
  return {
    kind: 'scan',
    args: {
      format: format as Format,
      rules: values.rule ?? [],
      ...(values.config ? { config: values.config } : {}),
      reportSuppressions: values['report-suppressions'] ?? false,
      fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'off',
      quiet: values.quiet ?? false,
      ...(maxWarnings !== undefined ? { maxWarnings: Number(maxWarnings) } : {}),
      ...(values['output-file'] ? { outputFile: values['output-file'] } : {}),
      ...(values.color ? { color: true } : values['no-color'] ? { color: false } : {}),
      verbose: values.verbose ?? false,
      ...(values.stdin ? { stdinFilename: values['stdin-filename'] } : {}),
      ...(jobs !== undefined ? { jobs } : {}),
      paths,
    },
  };
}

function jobsOf(jobs: string | undefined): number | undefined {
  if (jobs !== undefined && !/^[1-9]\d{0,2}$/.test(jobs)) throw new UsageError(`--jobs takes a number of worker threads from 1 to 999, not "${jobs}"`);
  return jobs === undefined ? undefined : Number(jobs);
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

function mapArgs(values: Values, paths: string[]): MapArgs {
  const extra = Object.keys(values).find((name) => !MAP_OPTIONS.has(name));
  if (extra) throw new UsageError(`map does not take --${extra}`);
  const format = values.format ?? 'text';
  if (!MAP_FORMATS.includes(format as MapFormat)) throw new UsageError(`unknown map format "${format}" (use text, json, markdown or mermaid)`);
  if (paths.length === 0) throw new UsageError('no paths to map');
  const jobs = jobsOf(values.jobs);
  return {
    format: format as MapFormat,
    ...(values.config ? { config: values.config } : {}),
    ...(values['output-file'] ? { outputFile: values['output-file'] } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    paths,
  };
}
