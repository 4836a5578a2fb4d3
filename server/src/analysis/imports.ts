import { builtinModules } from 'node:module';
import { ts } from '../engine/ts.js';
import { forEachDescendant } from '../engine/ast.js';
import { normalizeModule, requiredModule, skipOuter } from '../engine/facts.js';
import type { Fixer, TextEdit } from '../engine/types.js';
import type { NeededImport } from '../models/imports.js';
import { inStyle, type SourceStyle } from './source-style.js';

/**
 * What a fix adds at the top of a file: imports of the bindings its code refers to (reusing the
 * file's own where it has them) and small helper functions declared once after the imports,
 * in the file's module system and style.
 */

/** How the file binds one module today. */
interface ModuleBindings {
  /** `import x from`, `import * as x`, `import x = require()`, `const x = require()`. */
  whole?: string;
  /** Whether `whole` is an ES default import (the default export, not the namespace). */
  wholeIsDefault?: boolean;
  /** Imported name → local name, from `import { a as b }` or `const { a: b } = require()`. */
  named: Map<string, string>;
  /** The list new named imports are added to: an import's `{ ... }` or a require's `{ ... }` pattern. */
  namedList?: ts.NamedImports | ts.ObjectBindingPattern;
  /** A type-only `import type { ... }` list, for type names. */
  typeList?: ts.NamedImports;
}

/** An `import` or top-level `require` statement and the module it loads. */
interface ImportStatement {
  statement: ts.Statement;
  module: string;
  specifier: string;
}

function importStatements(sourceFile: ts.SourceFile): ImportStatement[] {
  const found: ImportStatement[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      found.push({ statement, module: normalizeModule(statement.moduleSpecifier.text), specifier: statement.moduleSpecifier.text });
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference) && ts.isStringLiteral(statement.moduleReference.expression)) {
      found.push({ statement, module: normalizeModule(statement.moduleReference.expression.text), specifier: statement.moduleReference.expression.text });
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const module = decl.initializer ? requiredModule(decl.initializer) : undefined;
        const call = decl.initializer && skipOuter(decl.initializer);
        if (module && call && ts.isCallExpression(call) && ts.isStringLiteralLike(call.arguments[0])) found.push({ statement, module, specifier: call.arguments[0].text });
      }
    }
  }
  return found;
}

function bindingsOf(statements: readonly ImportStatement[], module: string): ModuleBindings {
  const bindings: ModuleBindings = { named: new Map() };
  for (const { statement } of statements.filter((s) => s.module === module)) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (!clause) continue;
      const list = clause.namedBindings;
      if (clause.isTypeOnly) {
        if (list && ts.isNamedImports(list)) bindings.typeList = list;
        continue;
      }
      // A core module's default export is the module object itself.
      if (clause.name) Object.assign(bindings, { whole: clause.name.text, wholeIsDefault: !builtinModules.includes(module) });
      if (list && ts.isNamespaceImport(list)) Object.assign(bindings, { whole: list.name.text, wholeIsDefault: false });
      if (list && ts.isNamedImports(list)) {
        bindings.namedList = list;
        for (const element of list.elements) if (!element.isTypeOnly) bindings.named.set((element.propertyName ?? element.name).text, element.name.text);
      }
    } else if (ts.isImportEqualsDeclaration(statement)) {
      bindings.whole = statement.name.text;
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (ts.isIdentifier(decl.name)) bindings.whole = decl.name.text;
        else if (ts.isObjectBindingPattern(decl.name)) {
          // After a `...rest` element nothing may follow.
          if (!decl.name.elements[decl.name.elements.length - 1]?.dotDotDotToken) bindings.namedList = decl.name;
          for (const element of decl.name.elements) {
            const key = element.propertyName ?? element.name;
            if (ts.isIdentifier(key) && ts.isIdentifier(element.name)) bindings.named.set(key.text, element.name.text);
          }
        }
      }
    }
  }
  return bindings;
}

/** The instance a top-level `const x = new Binding(...)` makes, by the binding's name. */
function instanceOf(sourceFile: ts.SourceFile, className: string): string | undefined {
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      const value = decl.initializer && skipOuter(decl.initializer);
      if (ts.isIdentifier(decl.name) && value && ts.isNewExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === className) return decl.name.text;
    }
  }
  return undefined;
}

/** `standardwebhooks` → `Standardwebhooks`, `@octokit/webhooks` → `OctokitWebhooks`: a prefix for an alias. */
function pascalCase(module: string): string {
  return module.split(/[^A-Za-z0-9]+/).filter(Boolean).map((word) => word[0].toUpperCase() + word.slice(1)).join('');
}

function identifierTexts(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  forEachDescendant(sourceFile, (node) => {
    if (ts.isIdentifier(node)) names.add(node.text);
  });
  return names;
}

/** Names to add to one module's import, and how. */
interface Additions {
  need: NeededImport;
  /** Imported name → the local name it gets (an alias when the name is taken). */
  named: Map<string, string>;
  types: Set<string>;
  whole?: string;
  defaultName?: string;
}

/**
 * The names inserted code refers to imported bindings by, reusing the file's imports and
 * adding what is missing in its style (ES `import` or CommonJS `require`, its quotes and
 * semicolons). `ref` returns undefined when a name would clash with one the file uses.
 */
export class ImportPlan {
  private readonly statements: ImportStatement[];
  private readonly usedNames: Set<string>;
  private readonly additions = new Map<string, Additions>();
  private readonly commonJs: boolean;
  private readonly isTypeScript: boolean;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly style: SourceStyle,
  ) {
    this.statements = importStatements(sourceFile);
    this.usedNames = identifierTexts(sourceFile);
    // Without imports, requires or an ES module's extension, a file is CommonJS, as Node takes it.
    const hasImport = this.statements.some(({ statement }) => ts.isImportDeclaration(statement));
    const esModuleExtension = /\.(?:m[jt]s|tsx?|jsx)$/.test(sourceFile.fileName);
    this.commonJs = /\.c[jt]s$/.test(sourceFile.fileName) || (!hasImport && (this.statements.length > 0 || !esModuleExtension));
    this.isTypeScript = /\.[mc]?tsx?$/.test(sourceFile.fileName);
  }

  /** How code refers to `name` (one of `need`'s names, its default name or a type name). */
  ref(need: NeededImport, name: string): string | undefined {
    const module = normalizeModule(need.module);
    const bindings = bindingsOf(this.statements, module);
    const added = this.additionsFor(need);
    if (name === need.defaultName) {
      const existing = bindings.whole ?? added.defaultName;
      const instance = existing && need.preferInstance ? instanceOf(this.sourceFile, existing) : undefined;
      if (instance ?? existing) return instance ?? existing;
      if (this.usedNames.has(name)) return undefined;
      added.defaultName = name;
      return name;
    }
    if (need.typeNames?.includes(name)) {
      const local = bindings.named.get(name) ?? (bindings.typeList?.elements.find((e) => e.name.text === name)?.name.text);
      if (local) return local;
      if (!this.isTypeScript || this.usedNames.has(name)) return undefined;
      added.types.add(name);
      return name;
    }
    const local = bindings.named.get(name);
    if (local) return local;
    const whole = bindings.whole && (!bindings.wholeIsDefault || need.namespace) ? bindings.whole : added.whole;
    if (whole) return `${whole}.${name}`;
    if (this.commonJs && need.namespace && !bindings.namedList) {
      if (this.usedNames.has(need.namespace)) return undefined;
      added.whole = need.namespace;
      return `${need.namespace}.${name}`;
    }
    const alias = this.usedNames.has(name) ? `${pascalCase(module)}${name}` : name;
    if (this.usedNames.has(alias)) return undefined;
    added.named.set(name, alias);
    return alias;
  }

  private additionsFor(need: NeededImport): Additions {
    const module = normalizeModule(need.module);
    let added = this.additions.get(module);
    if (!added) this.additions.set(module, (added = { need, named: new Map(), types: new Set() }));
    return added;
  }

  /** The edits that add the missing imports. */
  edits(fixer: Fixer): TextEdit[] {
    const { listEdits, newLines } = this.additionEdits(fixer);
    return newLines.length > 0 ? [...listEdits, this.insertImportLines(fixer, newLines)] : listEdits;
  }

  /** The names added to the file's import lists, and the import statements to add (in the file's style). */
  additionEdits(fixer: Fixer): { listEdits: TextEdit[]; newLines: string[] } {
    const edits: TextEdit[] = [];
    const newLines: string[] = [];
    for (const [module, added] of this.additions) {
      const bindings = bindingsOf(this.statements, module);
      const specifier = this.specifier(module);
      const named = [...added.named].map(([name, alias]) => (name === alias ? name : this.commonJs ? `${name}: ${alias}` : `${name} as ${alias}`));
      const types = [...added.types];
      if (named.length > 0 && bindings.namedList) {
        edits.push(this.extendList(fixer, bindings.namedList, named));
      } else if (named.length > 0 && this.commonJs) {
        newLines.push(`const { ${named.join(', ')} } = require('${specifier}');`);
      } else if (named.length > 0) {
        // Type names join the new import inline (`type RawBodyRequest`), not a second import of the module.
        newLines.push(`import { ${[...named, ...types.splice(0).map((type) => `type ${type}`)].join(', ')} } from '${specifier}';`);
      }
      if (types.length > 0) {
        const list = bindings.typeList ?? (bindings.namedList && ts.isNamedImports(bindings.namedList) ? bindings.namedList : undefined);
        if (list) edits.push(this.extendList(fixer, list, list === bindings.typeList ? types : types.map((type) => `type ${type}`)));
        else newLines.push(`import type { ${types.join(', ')} } from '${specifier}';`);
      }
      if (added.whole) newLines.push(`const ${added.whole} = require('${specifier}');`);
      if (added.defaultName) newLines.push(this.commonJs ? `const ${added.defaultName} = require('${specifier}');` : `import ${added.defaultName} from '${specifier}';`);
    }
    return { listEdits: edits, newLines: newLines.map((line) => inStyle(line, this.style)) };
  }

  /** `node:crypto` when the file writes builtins so, else the module's plain name. */
  private specifier(module: string): string {
    const existing = this.statements.find((s) => s.module === module);
    if (existing) return existing.specifier;
    const prefixed = this.statements.some((s) => s.specifier.startsWith('node:'));
    return prefixed && builtinModules.includes(module) ? `node:${module}` : module;
  }

  private extendList(fixer: Fixer, list: ts.NamedImports | ts.ObjectBindingPattern, names: readonly string[]): TextEdit {
    const elements = list.elements;
    const last = elements[elements.length - 1];
    if (!last) return fixer.insertTextAfter([list.getStart(this.sourceFile) + 1, list.getStart(this.sourceFile) + 1], ` ${names.join(', ')} `);
    const text = this.sourceFile.text;
    const multiline = text.slice(list.getStart(this.sourceFile), last.getStart(this.sourceFile)).includes('\n');
    const separator = multiline ? `,\n${text.slice(text.lastIndexOf('\n', last.getStart(this.sourceFile)) + 1, last.getStart(this.sourceFile))}` : ', ';
    return fixer.insertTextAfter(last, names.map((name) => `${separator}${name}`).join(''));
  }

  /** After the last import or require at the top, else before the first statement (after a directive prologue). */
  private insertImportLines(fixer: Fixer, lines: readonly string[]): TextEdit {
    const lastImport = this.statements[this.statements.length - 1]?.statement;
    if (lastImport) return fixer.insertTextAfter(lastImport, lines.map((line) => `\n${line}`).join(''));
    const statements = this.sourceFile.statements;
    const directive = statements.find((s, i) => i === 0 && ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression));
    if (directive) return fixer.insertTextAfter(directive, lines.map((line) => `\n${line}`).join(''));
    const first = statements[0];
    return first ? fixer.insertTextBefore(first, lines.map((line) => `${line}\n`).join('')) : fixer.insertTextBefore([0, 0], lines.map((line) => `${line}\n`).join(''));
  }
}

/** A top-level function a fix calls, declared once per file. */
export interface HelperFunction {
  name: string;
  /** The imports its body calls, one name each. */
  uses: readonly NeededImport[];
  /** Its declaration, given how the file refers to the name of each of `uses` (`crypto.timingSafeEqual`). */
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
    if (ts.isImportDeclaration(statement) && statement.importClause && statement.importClause.getText(file).split(/[^\w$]+/).includes(name)) return 'other';
  }
  return undefined;
}

/**
 * The edits that give the file `helper` (and the imports it calls) unless it declares a
 * function of that name already: `[]` then. Undefined when the name is taken by something
 * else, or a name it imports would clash with one of the file's.
 */
export function helperEdits(file: ts.SourceFile, helper: HelperFunction, style: SourceStyle, fixer: Fixer): TextEdit[] | undefined {
  const existing = topLevelBinding(file, helper.name);
  if (existing === 'function') return [];
  if (existing === 'other') return undefined;
  const plan = new ImportPlan(file, style);
  const references: string[] = [];
  for (const need of helper.uses) {
    for (const name of need.names ?? []) {
      const reference = plan.ref(need, name);
      if (!reference) return undefined;
      references.push(reference);
    }
  }
  const { listEdits: edits, newLines } = plan.additionEdits(fixer);
  const declaration = helper.source(style, references, /\.[cm]?tsx?$/.test(file.fileName));
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
