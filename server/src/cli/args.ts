import { rules } from '../rules/index.js';

export type Format = 'text' | 'json' | 'sarif';

/** `--fix` writes the fixes, `--fix-dry-run` prints them as a diff. */
export type FixMode = 'off' | 'write' | 'dry-run';

export interface ScanArgs {
  format: Format;
  rules: string[];
  config?: string;
  reportSuppressions: boolean;
  fix: FixMode;
  /** Worker threads for the scan; one per core unless given. */
  jobs?: number;
  paths: string[];
}

export class UsageError extends Error {}

export const USAGE = `Usage: integration-engineer scan [--format text|json|sarif] [--rule <id>]... [--config <path>] [--report-suppressions] [--fix | --fix-dry-run] [--jobs <n>] <paths...>`;

const FORMATS: Format[] = ['text', 'json', 'sarif'];

/** Parses `scan` arguments; throws UsageError with a message for the user. */
export function parseScanArgs(argv: string[]): ScanArgs {
  const [command, ...rest] = argv;
  if (command !== 'scan') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const args: ScanArgs = { format: 'text', rules: [], reportSuppressions: false, fix: 'off', paths: [] };
  const known = new Set(rules.map((rule) => rule.meta.id));
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? rest[++i];
      if (next === undefined || (inline === undefined && next.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--format': {
        const format = value();
        if (!FORMATS.includes(format as Format)) throw new UsageError(`unknown format "${format}" (use text, json or sarif)`);
        args.format = format as Format;
        break;
      }
      case '--rule': {
        const id = value();
        if (!known.has(id)) throw new UsageError(`unknown rule "${id}"`);
        args.rules.push(id);
        break;
      }
      case '--config':
        args.config = value();
        break;
      case '--report-suppressions':
        args.reportSuppressions = true;
        break;
      case '--fix':
      case '--fix-dry-run': {
        const mode = flag === '--fix' ? 'write' : 'dry-run';
        if (args.fix !== 'off' && args.fix !== mode) throw new UsageError('use either --fix or --fix-dry-run');
        args.fix = mode;
        break;
      }
      case '--jobs': {
        const jobs = value();
        if (!/^[1-9]\d{0,2}$/.test(jobs)) throw new UsageError(`--jobs takes a number of worker threads from 1 to 999, not "${jobs}"`);
        args.jobs = Number(jobs);
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
        args.paths.push(arg);
    }
  }
  if (args.paths.length === 0) throw new UsageError('no paths to scan');
  return args;
}
