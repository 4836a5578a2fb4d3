import { SyntaxKind, ts } from './ts.js';
import type { FileNodes } from './walk.js';
import { nearestUp } from './ancestors.js';

/** Where a value comes from: a module (or `<global>`) and the property path inside it. */
export interface ModuleRef {
  module: string;
  path: string[];
}

export const GLOBAL = '<global>';

interface Declaration {
  name: ts.Identifier;
  /** The node whose span the declaration is visible in. */
  scope: ts.Node;
  /** For `const x = <init>` the initializer; for destructuring, the source and key. */
  init?: ts.Expression;
  property?: string;
  ref?: ModuleRef;
  isConst: boolean;
}

const GLOBAL_NAMES = new Set(['fetch', 'AbortSignal', 'AbortController', 'console', 'process', 'crypto', 'Request', 'Buffer', 'TextEncoder', 'JSON', 'Promise', 'setTimeout']);

function isFunctionLike(node: ts.Node): boolean {
  return ts.isFunctionLike(node) && !ts.isCallSignatureDeclaration(node);
}

function enclosingScope(node: ts.Node, blockScoped: boolean): ts.Node {
  let current: ts.Node | undefined = node.parent;
  while (current) {
    if (ts.isSourceFile(current) || isFunctionLike(current) || ts.isClassStaticBlockDeclaration(current)) return current;
    if (blockScoped && (ts.isBlock(current) || ts.isForStatement(current) || ts.isForOfStatement(current) || ts.isForInStatement(current) || ts.isCatchClause(current) || ts.isCaseBlock(current))) {
      return current;
    }
    current = current.parent;
  }
  return node.getSourceFile();
}

function stripDefault(path: string[]): string[] {
  return path[0] === 'default' ? path.slice(1) : path;
}

/** `require('m')`, `await import('m')` → the module name. */
export function requiredModule(expr: ts.Expression): string | undefined {
  let node = expr;
  while (ts.isAwaitExpression(node) || ts.isParenthesizedExpression(node)) node = node.expression;
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return undefined;
  const arg = node.arguments[0];
  if (!ts.isStringLiteralLike(arg)) return undefined;
  const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
  const isImport = node.expression.kind === SyntaxKind.ImportKeyword;
  return isRequire || isImport ? normalizeModule(arg.text) : undefined;
}

function bindingIdentifiers(pattern: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(pattern)) return [pattern];
  const names: ts.Identifier[] = [];
  for (const element of pattern.elements) {
    if (ts.isOmittedExpression(element)) continue;
    // Top-level identifiers of an object pattern are added with their property above.
    if (ts.isObjectBindingPattern(pattern) && ts.isIdentifier(element.name) && !element.dotDotDotToken) continue;
    names.push(...bindingIdentifiers(element.name));
  }
  return names;
}

function bindingKey(element: ts.BindingElement): string | undefined {
  const key = element.propertyName ?? element.name;
  if (ts.isIdentifier(key) || ts.isStringLiteral(key)) return key.text;
  return undefined;
}

/** The kinds `collect` and the assignment scan act on; every other node is skipped. */
const DECLARING_KINDS = new Set([
  SyntaxKind.ImportDeclaration,
  SyntaxKind.ImportEqualsDeclaration,
  SyntaxKind.VariableDeclaration,
  SyntaxKind.Parameter,
  SyntaxKind.BindingElement,
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.ClassDeclaration,
  SyntaxKind.FunctionExpression,
  SyntaxKind.ClassExpression,
  SyntaxKind.BinaryExpression,
]);

/**
 * Per-file facts computed once per parse and shared by every rule: what each name is
 * bound to (imports, requires, aliases, constants), resolved with lexical scopes.
 */
export class FileFacts {
  readonly importedModules = new Set<string>();
  /** Declarations by the node they are scoped to, then by name: lookups walk up the parents. */
  private readonly scopes = new Map<ts.Node, Map<string, Declaration>>();
  private readonly resolved = new Map<ts.Node, ModuleRef | undefined>();
  private readonly scopeOf = new Map<ts.Node, ts.Node | null>();
  private readonly reassigned = new Map<Declaration, boolean>();
  /** Identifiers assigned to (`x = …`, `x += …`) by name, from the same walk. */
  private readonly assignedNames = new Map<string, ts.Identifier[]>();

  /** Built from the file's one walk (`FileNodes`): bindings must all be known before any rule asks. */
  constructor(readonly sourceFile: ts.SourceFile, nodes: FileNodes) {
    const { all, kinds } = nodes;
    for (let index = 0; index < all.length; index++) {
      // Most nodes declare and assign nothing: the walk's kinds send them past the type guards.
      if (!DECLARING_KINDS.has(kinds[index])) continue;
      const node = all[index];
      this.collect(node);
      if (ts.isBinaryExpression(node) && ts.isIdentifier(node.left) && node.operatorToken.kind >= SyntaxKind.FirstAssignment && node.operatorToken.kind <= SyntaxKind.LastAssignment) {
        const list = this.assignedNames.get(node.left.text);
        if (list) list.push(node.left);
        else this.assignedNames.set(node.left.text, [node.left]);
      }
    }
  }

  private add(decl: Declaration): void {
    let names = this.scopes.get(decl.scope);
    if (!names) this.scopes.set(decl.scope, (names = new Map()));
    if (!names.has(decl.name.text)) names.set(decl.name.text, decl);
  }

  private collect(node: ts.Node): void {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const module = normalizeModule(node.moduleSpecifier.text);
      this.importedModules.add(module);
      const clause = node.importClause;
      if (!clause) return;
      const scope = node.getSourceFile();
      if (clause.name) this.add({ name: clause.name, scope, ref: { module, path: [] }, isConst: true });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) this.add({ name: bindings.name, scope, ref: { module, path: [] }, isConst: true });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const imported = (element.propertyName ?? element.name).text;
          this.add({ name: element.name, scope, ref: { module, path: stripDefault([imported]) }, isConst: true });
        }
      }
      return;
    }
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const spec = node.moduleReference.expression;
      if (ts.isStringLiteral(spec)) {
        this.importedModules.add(normalizeModule(spec.text));
        this.add({ name: node.name, scope: node.getSourceFile(), ref: { module: normalizeModule(spec.text), path: [] }, isConst: true });
      }
      return;
    }
    if (ts.isVariableDeclaration(node)) {
      const list = node.parent;
      const isConst = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
      const blockScoped = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.BlockScoped) !== 0;
      const scope = enclosingScope(node, blockScoped);
      const module = node.initializer ? requiredModule(node.initializer) : undefined;
      if (module) this.importedModules.add(module);
      if (ts.isIdentifier(node.name)) {
        this.add({ name: node.name, scope, init: node.initializer, isConst });
        return;
      }
      if (ts.isObjectBindingPattern(node.name)) {
        for (const element of node.name.elements) {
          if (!ts.isIdentifier(element.name) || element.dotDotDotToken) continue;
          this.add({ name: element.name, scope, init: node.initializer, property: bindingKey(element), isConst });
        }
      }
      // Names from array and nested patterns are declared, but their values are not followed.
      for (const name of bindingIdentifiers(node.name)) this.add({ name, scope, isConst: false });
      return;
    }
    if (ts.isParameter(node) || ts.isBindingElement(node)) {
      if (ts.isParameter(node) && ts.isIdentifier(node.name)) {
        this.add({ name: node.name, scope: node.parent, isConst: false });
      } else if (ts.isBindingElement(node) && ts.isIdentifier(node.name) && !ts.isVariableDeclaration(node.parent.parent)) {
        this.add({ name: node.name, scope: enclosingScope(node, true), isConst: false });
      }
      return;
    }
    if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) {
      this.add({ name: node.name, scope: enclosingScope(node, ts.isClassDeclaration(node)), isConst: true });
    }
    if ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name) {
      this.add({ name: node.name, scope: node, isConst: true });
    }
  }

  /** The declaration an identifier use refers to (innermost enclosing scope), if the file has it. */
  private declarationOf(id: ts.Identifier): Declaration | undefined {
    for (let scope = this.scopeAt(id); scope; scope = this.scopeAt(scope.parent)) {
      const decl = this.scopes.get(scope)?.get(id.text);
      if (decl) return decl;
    }
    return undefined;
  }

  /**
   * The nearest node at or above `node` that declares names. Each node's answer is kept, so the
   * lookups of a deep expression (a 10,000-link chain) walk each parent once, not once per name.
   */
  private scopeAt(node: ts.Node | undefined): ts.Node | undefined {
    return nearestUp(node, this.scopeOf, (current) => (this.scopes.has(current) ? current : undefined));
  }


  /** True when the name is bound anywhere visible from this use (so it is not a global). */
  isDeclared(id: ts.Identifier): boolean {
    return this.declarationOf(id) !== undefined;
  }

  /** The declared name node for an identifier use, or undefined. */
  declarationName(id: ts.Identifier): ts.Identifier | undefined {
    return this.declarationOf(id)?.name;
  }

  /** Where an expression's value comes from: `axios.get` → { module: 'axios', path: ['get'] }. */
  resolve(expr: ts.Expression, depth = 0): ModuleRef | undefined {
    if (depth > 8) return undefined;
    if (this.resolved.has(expr)) return this.resolved.get(expr);
    const ref = this.resolveUncached(expr, depth);
    this.resolved.set(expr, ref);
    return ref;
  }

  /** True when an expression is the global `name` (`setTimeout`), not a binding of the file or an import. */
  isGlobal(expr: ts.Expression, name: string): boolean {
    const ref = this.resolve(expr);
    return ref?.module === GLOBAL && ref.path.length === 1 && ref.path[0] === name;
  }

  private resolveUncached(expr: ts.Expression, depth: number): ModuleRef | undefined {
    const node = skipOuter(expr);
    if (ts.isIdentifier(node)) {
      const decl = this.declarationOf(node);
      if (!decl) return GLOBAL_NAMES.has(node.text) || node.text === 'globalThis' ? { module: GLOBAL, path: node.text === 'globalThis' ? [] : [node.text] } : undefined;
      if (decl.ref) return decl.ref;
      // A `var`/`let` never reassigned is as good as a const (CommonJS `var x = require('x')`).
      if (!decl.init || (!decl.isConst && !this.neverReassigned(decl))) return undefined;
      const base = this.resolve(decl.init, depth + 1);
      if (!base) return undefined;
      return decl.property === undefined ? base : { module: base.module, path: stripDefault([...base.path, decl.property]) };
    }
    if (ts.isPropertyAccessExpression(node)) {
      const base = this.resolve(node.expression, depth + 1);
      if (!base) return undefined;
      return { module: base.module, path: base.module === GLOBAL && base.path.length === 0 ? [node.name.text] : stripDefault([...base.path, node.name.text]) };
    }
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      const base = this.resolve(node.expression, depth + 1);
      return base && { module: base.module, path: stripDefault([...base.path, node.argumentExpression.text]) };
    }
    const module = requiredModule(node);
    if (module) return { module, path: [] };
    return undefined;
  }

  /**
   * The expression a name stands for, following `const` bindings in the file; the node
   * itself when it is not a resolvable identifier. Undefined when the name is bound to
   * something the file does not show (a parameter, a `let`, an import).
   */
  valueOf(expr: ts.Expression, depth = 0): ts.Expression | undefined {
    const node = skipOuter(expr);
    if (!ts.isIdentifier(node)) return node;
    if (depth > 8) return undefined;
    const decl = this.declarationOf(node);
    if (!decl || decl.ref || !decl.init || decl.property !== undefined) return undefined;
    if (!decl.isConst && !this.neverReassigned(decl)) return undefined;
    return this.valueOf(decl.init, depth + 1);
  }

  private neverReassigned(decl: Declaration): boolean {
    let known = this.reassigned.get(decl);
    if (known === undefined) this.reassigned.set(decl, (known = this.findsAssignment(decl)));
    return !known;
  }

  private findsAssignment(decl: Declaration): boolean {
    const scope = decl.scope;
    return (this.assignedNames.get(decl.name.text) ?? []).some((id) => id.pos >= scope.pos && id.end <= scope.end && this.declarationOf(id) === decl);
  }
}

type OuterExpression = ts.ParenthesizedExpression | ts.AsExpression | ts.NonNullExpression | ts.TypeAssertion | ts.SatisfiesExpression;

/** One read of `kind` (hot: every callee and value lookup strips wrappers), not five type guards. */
function isOuterExpression(node: ts.Node): node is OuterExpression {
  switch (node.kind) {
    case SyntaxKind.ParenthesizedExpression:
    case SyntaxKind.AsExpression:
    case SyntaxKind.NonNullExpression:
    case SyntaxKind.TypeAssertionExpression:
    case SyntaxKind.SatisfiesExpression:
      return true;
    default:
      return false;
  }
}

/** Strips parentheses, `as`/`satisfies`/`!` and type assertions. */
export function skipOuter(expr: ts.Expression): ts.Expression {
  let node = expr;
  while (isOuterExpression(node)) node = node.expression;
  return node;
}

/** The reverse of `skipOuter`: the outermost of those wrappers around a node (`(x as T)` for `x`), or the node. */
export function outermostWrapper<Node extends ts.Node>(node: Node): Node | OuterExpression {
  let current: ts.Node = node;
  while (isOuterExpression(current.parent) && current.parent.expression === current) current = current.parent;
  return current as Node | OuterExpression;
}

/** `node:http` and `http` are the same module. */
export function normalizeModule(name: string): string {
  return name.startsWith('node:') ? name.slice(5) : name;
}
