import { basename, extname } from 'node:path';

export const CODE_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

export type TextKind =
  | 'yaml' | 'compose' | 'json' | 'toml' | 'properties' | 'ini' | 'hcl' | 'dockerfile'
  | 'npmrc' | 'shell' | 'python' | 'env' | 'other';

export type FileKind = { kind: 'code' } | { kind: 'text'; text: TextKind } | { kind: 'skip'; reason: string };

const ENV_CHECKED = new Set(['.env.example', '.env.sample', '.env.template']);

const BY_EXTENSION: Record<string, TextKind> = {
  '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json', '.jsonc': 'json', '.json5': 'json', '.toml': 'toml',
  '.properties': 'properties', '.ini': 'ini', '.cfg': 'ini', '.conf': 'ini', '.tf': 'hcl', '.tfvars': 'hcl', '.hcl': 'hcl',
  '.sh': 'shell', '.bash': 'shell', '.zsh': 'shell', '.py': 'python',
};

/** Decides how a file is analysed: parsed as JS/TS, scanned as text, or skipped. */
export function classifyFile(path: string): FileKind {
  const name = basename(path).toLowerCase();
  const ext = extname(name);
  if (CODE_EXTENSIONS.includes(ext) && !name.endsWith('.d.ts')) return { kind: 'code' };
  if (name.endsWith('.d.ts')) return { kind: 'skip', reason: 'declaration file' };
  if (name === '.env' || name.startsWith('.env.')) {
    return ENV_CHECKED.has(name) ? { kind: 'text', text: 'env' } : { kind: 'skip', reason: 'local .env file (where local secrets belong)' };
  }
  if (name === 'dockerfile' || name.startsWith('dockerfile.') || ext === '.dockerfile') return { kind: 'text', text: 'dockerfile' };
  if (/^(docker-)?compose(\..+)?\.ya?ml$/.test(name)) return { kind: 'text', text: 'compose' };
  if (name.endsWith('.npmrc')) return { kind: 'text', text: 'npmrc' };
  return { kind: 'text', text: BY_EXTENSION[ext] ?? 'other' };
}
