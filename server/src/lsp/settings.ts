import { URI } from 'vscode-uri';
import { loadWorkspaceConfig, type LocatedProblem } from '../config/load.js';
import { resolveConfig } from '../config/resolve.js';
import { withoutRestricted } from '../config/restricted.js';
import type { Config } from '../config/schema.js';
import { configModel } from '../rules/registry.js';

/** Keys under `integrationEngineer.*` that belong to the client, not to analysis. */
const CLIENT_ONLY_KEYS = ['chat', 'trace'];

export interface FolderSettings {
  folder?: string;
  config: Config;
  /** Problems in the VS Code settings (named `integrationEngineer.<key>`). */
  settingProblems: string[];
  /** Problems in the workspace config file, with positions. */
  fileProblems: LocatedProblem[];
  configFile?: string;
  /** Restricted keys the workspace's file set, ignored because the workspace is not trusted. */
  ignoredUntrusted: string[];
}

/**
 * A `file:` URI's path, by vscode-uri as VS Code itself converts them: a drive letter
 * (`file:///c%3A/…`, lower-cased as VS Code writes it) and a UNC host (`file://server/share/…`)
 * come back as Windows paths; `undefined` for another scheme.
 */
export function uriToPath(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri, true);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

/** The URI VS Code gives the file at `path`, so that diagnostics for it land on the document the editor has open. */
export function pathToUri(path: string): string {
  return URI.file(path).toString();
}

/**
 * Builds one workspace folder's configuration: the editor settings first, then the
 * folder's own file on top (a team's shared file decides for its repository) — but for the
 * restricted keys only once the workspace is trusted.
 */
export function buildFolderSettings(folder: string | undefined, editorSettings: unknown, trusted = true): FolderSettings {
  const raw = editorSettings && typeof editorSettings === 'object' ? { ...(editorSettings as Record<string, unknown>) } : {};
  for (const key of CLIENT_ONLY_KEYS) delete raw[key];
  const fromEditor = resolveConfig(configModel, raw);
  const settingProblems = fromEditor.problems.map((p) => `integrationEngineer.${p.key}: ${p.message}`);
  if (!folder) return { config: fromEditor.config, settingProblems, fileProblems: [], ignoredUntrusted: [] };
  const fromFile = loadWorkspaceConfig(configModel, folder, fromEditor.config);
  const { config, ignored } = trusted ? { config: fromFile.config, ignored: [] } : withoutRestricted(configModel, fromFile.config, fromEditor.config);
  return { folder, config, settingProblems, fileProblems: fromFile.problems, ...(fromFile.file ? { configFile: fromFile.file } : {}), ignoredUntrusted: ignored };
}
