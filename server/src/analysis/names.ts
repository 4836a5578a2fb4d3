/** The names code a fix inserts can use without clashing with the file's own. */
import { ts } from '../engine/ts.js';
import { forEachDescendant, forEachNode, isPropertyNamePosition } from '../engine/ast.js';

/** The first of the candidate names that no identifier in the scope spells (property names aside), if any. */
export function freeName(scope: ts.Node, candidates: readonly string[]): string | undefined {
  const used = new Set<string>();
  forEachNode(scope, (node) => {
    if (ts.isIdentifier(node) && !isPropertyNamePosition(node)) used.add(node.text);
  });
  return candidates.find((name) => !used.has(name));
}

/** True when the file declares or imports a binding of that name (shadowing a global). */
export function bindsName(sourceFile: ts.SourceFile, name: string): boolean {
  let bound = false;
  forEachDescendant(sourceFile, (node) => {
    if (bound) return false;
    const declared = (node as ts.NamedDeclaration).name;
    const isDeclaration = ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)
      || ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isBindingElement(node);
    if (isDeclaration && declared && ts.isIdentifier(declared) && declared.text === name) bound = true;
    return undefined;
  });
  return bound;
}
