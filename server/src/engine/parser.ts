import { Project } from 'ts-morph';
import { ts } from './ts.js';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS, '.mts': ts.ScriptKind.TS, '.cts': ts.ScriptKind.TS, '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS, '.mjs': ts.ScriptKind.JS, '.cjs': ts.ScriptKind.JS, '.jsx': ts.ScriptKind.JSX,
};

function scriptKind(path: string): ts.ScriptKind {
  const match = /\.[^./\\]+$/.exec(path);
  return (match && SCRIPT_KINDS[match[0].toLowerCase()]) || ts.ScriptKind.TS;
}

/** Maps any path or URI to a key the in-memory file system accepts. */
function memoryPath(path: string): string {
  return '/' + path.replace(/^[a-z]+:\/+/i, '').replace(/[\\:]/g, '/').replace(/^\/+/, '');
}

/**
 * One shared in-memory ts-morph Project: no type checking, no module resolution. A file
 * is parsed when analysed and forgotten when its document closes (or after a CLI scan).
 */
export class Parser {
  private readonly project = new Project({
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true, noResolve: true, noLib: true, jsx: ts.JsxEmit.Preserve },
  });

  parse(path: string, text: string): ts.SourceFile {
    const file = this.project.createSourceFile(memoryPath(path), text, { overwrite: true, scriptKind: scriptKind(path) });
    return file.compilerNode;
  }

  forget(path: string): void {
    const file = this.project.getSourceFile(memoryPath(path));
    if (file) this.project.removeSourceFile(file);
  }
}
