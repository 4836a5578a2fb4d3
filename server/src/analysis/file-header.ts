/**
 * What a fix adds at the top of a file: an import of a core module's export (reusing the
 * file's own import of that module when it has one) and a small helper function, declared
 * once after the imports. Both follow the file's module system and style.
 */
import { ts } from '../engine/ts.js';
import { normalizeModule, requiredModule } from '../engine/facts.js';
import type { Fixer, TextEdit } from '../engine/types.js';
import { quoted, type SourceStyle } from './source-style.js';

/** A named export of a module a helper calls: `{ module: 'crypto', name: 'timingSafeEqual' }`. */
export interface ModuleExport {
  module: string;
  name: string;
}

/** A top-level function a fix calls, declared once per file. */
export interface HelperFunction {
  name: string;
  /** The exports its body calls. */
  uses: readonly ModuleExport[];
  /** Its declaration, given how the file refers to each export of `uses` (`crypto.timingSafeEqual`). */
  source(style: SourceStyle, references: readonly string[], typed: boolean): string;
}

function isDirective(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

function isRequireStatement(statement: ts.Statement): boolean {
  return ts.isVariableStatement(statement) && statement.declarationList.declarations.every((declaration) => declaration.initializer !== undefined && requiredModule(declaration.initializer) !== undefined);
}

/** Directives, imports and `require` bindings: the statements that open the file. */
function headerStatements(file: ts.SourceFile): ts.Statement[] {
  const header: ts.Statement[] = [];
  for (const statement of file.statements) {
    if (!(isDirective(statement) || ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement) || isRequireStatement(statement))) break;
    header.push(statement);
  }
  return header;
}

function isCommonJs(file: ts.SourceFile): boolean {
  if (/\.c[jt]s$/.test(file.fileName)) return true;
  if (/\.(?:m[jt]s|tsx?|jsx)$/.test(file.fileName) || file.statements.some(ts.isImportDeclaration)) return false;
  return true;
}

type ExistingImport = { reference: string } | { extend: ts.NamedImports | ts.ObjectBindingPattern } | undefined;

/** How the file already imports `wanted`: by name, through the module object, or a list of names to extend. */
function existingImport(file: ts.SourceFile, wanted: ModuleExport): ExistingImport {
  let viaModule: string | undefined;
  let extendable: ts.NamedImports | ts.ObjectBindingPattern | undefined;
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && normalizeModule(statement.moduleSpecifier.text) === wanted.module) {
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly) continue;
      if (clause.name) viaModule ??= clause.name.text;
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) viaModule ??= bindings.name.text;
      if (bindings && ts.isNamedImports(bindings)) {
        const named = bindings.elements.find((element) => !element.isTypeOnly && (element.propertyName ?? element.name).text === wanted.name);
        if (named) return { reference: named.name.text };
        if (bindings.elements.length > 0) extendable ??= bindings;
      }
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!declaration.initializer || requiredModule(declaration.initializer) !== wanted.module) continue;
        if (ts.isIdentifier(declaration.name)) viaModule ??= declaration.name.text;
        if (ts.isObjectBindingPattern(declaration.name)) {
          const named = declaration.name.elements.find((element) => ts.isIdentifier(element.name) && (element.propertyName ?? element.name).getText(file) === wanted.name);
          if (named) return { reference: (named.name as ts.Identifier).text };
          const last = declaration.name.elements[declaration.name.elements.length - 1];
          // After a `...rest` element nothing may follow.
          if (last && !last.dotDotDotToken) extendable ??= declaration.name;
        }
      }
    }
  }
  if (viaModule) return { reference: `${viaModule}.${wanted.name}` };
  return extendable ? { extend: extendable } : undefined;
}

/** `node:crypto` when the file writes core modules with the `node:` prefix, else `crypto`. */
function moduleSpecifier(file: ts.SourceFile, module: string): string {
  const prefixed = file.statements.some((statement) => /^\s*(?:import\b[^;]*?from\s*|(?:const|let|var)\b[^;]*?require\()\s*["']node:/.test(statement.getText(file)));
  return prefixed ? `node:${module}` : module;
}

function importStatement(file: ts.SourceFile, wanted: ModuleExport, style: SourceStyle): string {
  const specifier = quoted(moduleSpecifier(file, wanted.module), style);
  return isCommonJs(file)
    ? `const { ${wanted.name} } = require(${specifier})${style.semicolon}`
    : `import { ${wanted.name} } from ${specifier}${style.semicolon}`;
}

/** Whether a top-level statement declares `name`, and whether as a function (the helper itself, reused). */
function topLevelBinding(file: ts.SourceFile, name: string): 'function' | 'other' | undefined {
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return 'function';
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name) continue;
        const init = declaration.initializer;
        return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? 'function' : 'other';
      }
    }
    if ((ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name?.text === name) return 'other';
    if (ts.isImportDeclaration(statement) && statement.importClause && new RegExp(`\\b${name}\\b`).test(statement.importClause.getText(file))) return 'other';
  }
  return undefined;
}

/**
 * The edits that give the file `helper` (and the imports it calls) unless it declares a
 * function of that name already: `[]` then. Undefined when the name is taken by something else.
 */
export function helperEdits(file: ts.SourceFile, helper: HelperFunction, style: SourceStyle, fixer: Fixer): TextEdit[] | undefined {
  const existing = topLevelBinding(file, helper.name);
  if (existing === 'function') return [];
  if (existing === 'other') return undefined;
  const edits: TextEdit[] = [];
  const newLines: string[] = [];
  const references = helper.uses.map((wanted) => {
    const found = existingImport(file, wanted);
    if (found && 'reference' in found) return found.reference;
    if (found) edits.push(fixer.insertTextAfter(found.extend.elements[found.extend.elements.length - 1], `, ${wanted.name}`));
    else newLines.push(importStatement(file, wanted, style));
    return wanted.name;
  });
  const typed = /\.[cm]?tsx?$/.test(file.fileName);
  const declaration = helper.source(style, references, typed);
  const { newline: nl } = style;
  const header = headerStatements(file);
  const last = header[header.length - 1];
  if (last) {
    const followedByBlank = file.text.slice(last.getEnd()).startsWith(nl + nl);
    const imports = newLines.map((line) => nl + line).join('');
    edits.push(fixer.insertTextAfter(last, `${imports}${nl}${nl}${declaration}${followedByBlank ? '' : nl}`));
  } else {
    const imports = newLines.map((line) => line + nl).join('');
    edits.push(fixer.insertTextBefore(file.statements[0], `${imports}${imports ? nl : ''}${declaration}${nl}${nl}`));
  }
  return edits;
}
