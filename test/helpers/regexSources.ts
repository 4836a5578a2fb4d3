import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from '../../server/src/engine/ts.js';

/** A regular expression written in the source: a literal, or a `RegExp` built at run time. */
export interface RegexSource {
  /** `path:line`, for messages. */
  where: string;
  /** The pattern and flags of a literal; absent for a `RegExp` built from a non-literal. */
  pattern?: string;
  flags?: string;
  /** The comment lines right above the regex (where a written bound goes). */
  comment: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The comments of the statement or member the node sits in (its nearest leading comments). */
function leadingComment(text: string, node: ts.Node): string {
  for (let at: ts.Node | undefined = node; at; at = at.parent) {
    const ranges = ts.getLeadingCommentRanges(text, at.getFullStart());
    if (ranges?.length) return ranges.map((range) => text.slice(range.pos, range.end)).join('\n');
    if (ts.isStatement(at) || ts.isClassElement(at) || ts.isPropertyAssignment(at)) break;
  }
  return '';
}

/** Every regex literal and `RegExp(...)`/`new RegExp(...)` call in the `.ts` files under `dir` (tests excluded). */
export function regexSources(dir: string): RegexSource[] {
  const found: RegexSource[] = [];
  for (const path of sourceFiles(dir)) {
    const text = readFileSync(path, 'utf8');
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${path}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText();
        const slash = literal.lastIndexOf('/');
        found.push({ where: where(node), pattern: literal.slice(1, slash), flags: literal.slice(slash + 1), comment: leadingComment(text, node) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        const literal = pattern && ts.isStringLiteralLike(pattern) && (!flags || ts.isStringLiteralLike(flags));
        found.push({ where: where(node), ...(literal ? { pattern: pattern.text, flags: flags && ts.isStringLiteralLike(flags) ? flags.text : '' } : {}), comment: leadingComment(text, node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}
