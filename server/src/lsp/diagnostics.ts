import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../engine/types.js';
import { ruleDocsUrl } from '../engine/docs.js';

export const SOURCE = 'integration-engineer';
const NOT_ANALYSED = 'not-analysed';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as the editor shows it: code = rule id, href = the rule's page. */
export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: LSP_SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
  };
}

/** A file the engine could not analyse says so at its top, so it never looks clean. */
export function notAnalysedDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: NOT_ANALYSED,
    source: SOURCE,
    message: `not analysed: ${reason}`,
  };
}

/** Where a URI's diagnostics come from: the analysis of the file, or the check of a config file's settings. */
export type DiagnosticOrigin = 'analysis' | 'config';

/**
 * The diagnostics of each URI by origin. The editor keeps one list per URI and each publish
 * replaces it, so a publish sends every origin's diagnostics together: opening or scanning a
 * bad `integration-engineer.json` must not wipe its `invalid-config` diagnostics.
 */
export class DiagnosticsByOrigin {
  private readonly byUri = new Map<string, Map<DiagnosticOrigin, Diagnostic[]>>();

  /** How many URIs show diagnostics. */
  get size(): number {
    return this.byUri.size;
  }

  /** Whether `uri` shows diagnostics of `origin` now. */
  shows(uri: string, origin: DiagnosticOrigin): boolean {
    return this.byUri.get(uri)?.has(origin) ?? false;
  }

  /** How many findings the analysis of `uri` shows (its "not analysed" note is not one). */
  findingCount(uri: string): number {
    return (this.byUri.get(uri)?.get('analysis') ?? []).filter((diagnostic) => diagnostic.code !== NOT_ANALYSED).length;
  }

  /** Records one origin's diagnostics for `uri` and returns the URI's whole list, every origin's. */
  set(uri: string, origin: DiagnosticOrigin, diagnostics: Diagnostic[]): Diagnostic[] {
    const origins = this.byUri.get(uri) ?? new Map<DiagnosticOrigin, Diagnostic[]>();
    if (diagnostics.length > 0) origins.set(origin, diagnostics);
    else origins.delete(origin);
    if (origins.size > 0) this.byUri.set(uri, origins);
    else this.byUri.delete(uri);
    return [...(origins.get('config') ?? []), ...(origins.get('analysis') ?? [])];
  }
}
