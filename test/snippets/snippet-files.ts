// The snippet files package.json contributes, read the way VS Code reads them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../helpers/processes.js';

export interface SnippetContribution {
  language: string;
  path: string;
}

/** One snippet as the file holds it (`prefix`, `body`, `description`, ...), unchecked, and its name. */
export interface SnippetDefinition {
  name: string;
  [key: string]: unknown;
}

export interface SnippetFile {
  /** As package.json names it, e.g. `./snippets/typescript.code-snippets`. */
  path: string;
  languages: string[];
  /** Undefined when the file is not valid JSON (the syntax test reports the parse error). */
  snippets?: SnippetDefinition[];
  parseError?: string;
}

/** The JavaScript-family languages the snippets must reach in VS Code, and the file extension tsc checks each as (Python: snippets-python.test.ts). */
export const LANGUAGE_EXTENSIONS: Record<string, string> = {
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
};

/** A snippet's safeguard taken out by text edits, and the rule that must then fire. */
export interface SafeguardRemoval {
  prefix: string;
  /** The safeguard, as the test name says it: `${prefix} without ${what}`. */
  what: string;
  /** Exact texts of the expanded snippet and their replacements, applied in order. */
  edits: Array<[find: string, replace: string]>;
  ruleId: string;
}

export function snippetContributions(): SnippetContribution[] {
  const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
  return manifest.contributes?.snippets ?? [];
}

export function snippetFiles(): SnippetFile[] {
  const byPath = new Map<string, SnippetFile>();
  for (const { language, path } of snippetContributions()) {
    const file = byPath.get(path) ?? { path, languages: [] };
    file.languages.push(language);
    byPath.set(path, file);
  }
  for (const file of byPath.values()) {
    try {
      const parsed = JSON.parse(readFileSync(resolve(ROOT, file.path), 'utf8')) as Record<string, Record<string, unknown>>;
      file.snippets = Object.entries(parsed).map(([name, definition]) => ({ ...definition, name }));
    } catch (error) {
      file.parseError = (error as Error).message;
    }
  }
  return [...byPath.values()];
}

/** VS Code accepts a body as one string or as lines. */
export function bodyText(body: unknown): string {
  return Array.isArray(body) ? body.join('\n') : String(body);
}
